package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.ClientStatsPayload;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageSizeException;

/**
 * Decodes a Datadog {@code /v0.6/stats} msgpack body (spec/agent-intake.md section 10): one
 * ClientStatsPayload map with CamelCase keys, decoded by key (unknown keys skipped, nil or absent
 * read as empty). The payload's {@code Env}, {@code Version} and {@code Hostname} go into every
 * group's {@link StatsKey}. {@code OkSummary}/{@code ErrorSummary} are protobuf DDSketches, turned
 * into {@link EncodedSketch}es that keep the client's index mapping; for {@code Lang} javascript,
 * nodejs and python, whose sketch libraries number bins with {@code ceil(log_gamma(v))} where
 * sketches-java uses {@code floor}, bin indexes are shifted down by one so values read back within
 * the sketch's accuracy (unshifted they read up to two bins, ~3 %, high). Not kept: {@code
 * PeerTags}, {@code HTTPMethod}, {@code HTTPEndpoint}, {@code GRPCStatusCode}, {@code srv_src},
 * {@code ProcessTags}. Stateless and thread-safe.
 */
public final class DatadogStatsV06Decoder {
  public static final String CONTENT_TYPE = "application/msgpack";

  /** Languages whose DDSketch library indexes bins with ceil, not floor (sketches-js, ddsketch). */
  private static final Set<String> CEIL_INDEXING_LANGS = Set.of("javascript", "nodejs", "python");

  /** Payload-level fields every group inherits. */
  private record Context(String env, String version, String host, int indexShift) {}

  /**
   * Decodes a whole request body, from its position to its limit.
   *
   * @throws MalformedPayloadException naming the bad field and its byte offset when the body is not
   *     a valid payload (the only exception this method throws for bad input)
   */
  public ClientStatsPayload decode(ByteBuffer body) {
    Objects.requireNonNull(body, "body");
    if (!body.hasRemaining()) {
      throw new MalformedPayloadException("empty body: expected a msgpack stats payload map", 0);
    }
    StatsMsgpackReader in = new StatsMsgpackReader(body.slice());
    try {
      ClientStatsPayload payload = readPayload(in);
      in.at("payload");
      if (!in.atEnd()) {
        throw in.error("unexpected bytes after the stats payload");
      }
      return payload;
    } catch (MessageInsufficientBufferException e) {
      throw in.error("unexpected end of payload", e);
    } catch (MessageSizeException e) {
      throw in.error("length header over 2^31-1 elements or bytes", e);
    } catch (MessagePackException | IOException e) {
      throw in.error("invalid msgpack: " + Objects.toString(e.getMessage(), e.toString()), e);
    }
  }

  private static ClientStatsPayload readPayload(StatsMsgpackReader in) throws IOException {
    String hostname = "";
    String env = "";
    String version = "";
    String service = "";
    String lang = "";
    String tracerVersion = "";
    String runtimeId = "";
    long sequence = 0;
    int keys = in.mapHeader();
    // Stats may come before Env/Version/Hostname: remember where it is and read it last.
    List<PendingBucket> pending = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      in.at("payload");
      String key = in.string();
      in.at(key);
      switch (key) {
        case "Hostname" -> hostname = in.string();
        case "Env" -> env = in.string();
        case "Version" -> version = in.string();
        case "Service" -> service = in.string();
        case "Lang" -> lang = in.string();
        case "TracerVersion" -> tracerVersion = in.string();
        case "RuntimeID" -> runtimeId = in.string();
        case "Sequence" -> sequence = in.unsigned();
        case "Stats" -> readBuckets(in, pending);
        default -> in.skip();
      }
    }
    int indexShift = CEIL_INDEXING_LANGS.contains(lang.toLowerCase(Locale.ROOT)) ? -1 : 0;
    Context context = new Context(env, version, hostname, indexShift);
    List<StatsBucket> buckets = new ArrayList<>(pending.size());
    for (PendingBucket bucket : pending) {
      buckets.add(bucket.resolve(context));
    }
    return new ClientStatsPayload(
        hostname, env, version, service, lang, tracerVersion, runtimeId, sequence, buckets);
  }

  /** A bucket whose groups still lack the payload-level env, version and host. */
  private record PendingBucket(long start, long duration, List<PendingGroup> groups) {
    StatsBucket resolve(Context context) {
      List<StatsGroup> resolved = new ArrayList<>(groups.size());
      for (PendingGroup group : groups) {
        resolved.add(
            group.resolve(context.env(), context.version(), context.host(), context.indexShift()));
      }
      return new StatsBucket(start, duration, resolved);
    }
  }

  private static void readBuckets(StatsMsgpackReader in, List<PendingBucket> out)
      throws IOException {
    int count = in.arrayHeaderOrNil();
    for (int b = 0; b < count; b++) {
      String path = "Stats[" + b + "]";
      in.at(path);
      long start = 0;
      long duration = 0;
      List<PendingGroup> groups = new ArrayList<>();
      int keys = in.mapHeader();
      for (int k = 0; k < keys; k++) {
        in.at(path);
        String key = in.string();
        in.at(path + "." + key);
        switch (key) {
          case "Start" -> start = in.unsigned();
          case "Duration" -> duration = in.unsigned();
          case "Stats" -> readGroups(in, path, groups);
          default -> in.skip();
        }
      }
      if (duration <= 0) {
        in.at(path + ".Duration");
        throw in.error("bucket duration must be positive, got " + duration);
      }
      out.add(new PendingBucket(start, duration, groups));
    }
  }

  private static void readGroups(StatsMsgpackReader in, String bucketPath, List<PendingGroup> out)
      throws IOException {
    int count = in.arrayHeaderOrNil();
    for (int g = 0; g < count; g++) {
      String path = bucketPath + ".Stats[" + g + "]";
      in.at(path);
      out.add(PendingGroup.read(in, path));
    }
  }
}
