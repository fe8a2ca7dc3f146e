package dev.tracehouse.testapp;

/** The smallest app: {@code StartupIT} looks at what the agent loads before and around it. */
public final class HelloApp {

  private HelloApp() {}

  public static void main(String[] args) {
    System.out.println("hello from the app");
  }
}
