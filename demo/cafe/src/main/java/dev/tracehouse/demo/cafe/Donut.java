package dev.tracehouse.demo.cafe;

/** A donut on the menu with its sugar level (1-10). */
record Donut(int id, String name, int sugar) {}
