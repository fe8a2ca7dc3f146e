package dev.tracehouse.demo.cafe;

/** A beer on the menu; {@code hops} (1-10) drives which donuts pair with it. */
record Beer(int id, String name, int hops) {}
