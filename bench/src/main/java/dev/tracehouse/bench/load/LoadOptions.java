package dev.tracehouse.bench.load;

/**
 * The load generator's {@code key=value} arguments.
 *
 * @param port the Datadog intake port on 127.0.0.1
 * @param threads client threads, each with one request in flight
 * @param seconds how long to send
 * @param priority the chunks' {@code _sampling_priority_v1}: 1 auto keep, 2 user keep
 * @param chunks traces per request
 * @param spansPerChunk spans per trace
 * @param rate spans per second offered over all threads (open loop, paced per request), or 0 to
 *     send as fast as the answers come back
 */
record LoadOptions(
    int port, int threads, int seconds, int priority, int chunks, int spansPerChunk, int rate) {

  static LoadOptions parse(String[] args, int maxSeconds) {
    KeyValueArgs given = new KeyValueArgs(args);
    LoadOptions o =
        new LoadOptions(
            given.number("port", 8126, 1, 65535),
            given.number("threads", 4, 1, 64),
            given.number("seconds", 60, 1, maxSeconds),
            given.number("priority", 2, -1, 2),
            given.number("chunks", 100, 1, 256),
            given.number("spans", 10, 1, 1000),
            given.number("rate", 0, 0, 10_000_000));
    given.requireAllUsed();
    return o;
  }
}
