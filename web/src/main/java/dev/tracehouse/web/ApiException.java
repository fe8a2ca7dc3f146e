package dev.tracehouse.web;

/** A request the API refuses; the message goes to the client as {@code {"error": ...}}. */
final class ApiException extends RuntimeException {

  private final int status;

  private ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  int status() {
    return status;
  }
}
