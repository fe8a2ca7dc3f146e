package dev.tracehouse.demo.cafe;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Fast-changing donut facts kept in Redis: the optimal sugar level for a beer's hops (one string
 * key per hops value) and the donuts at a sugar level (one sorted set per level, scored by sugar).
 *
 * <p>Redis is never a reason to fail a request: a missing key or an unreachable Redis is logged and
 * answered with a fallback (a random level 1-10, or every donut on the menu).
 */
final class DonutStats implements AutoCloseable {

  static final int MIN_LEVEL = 1;
  static final int MAX_LEVEL = 10;

  /** Donuts whose sugar is within this distance of a level are listed at that level. */
  static final int SUGAR_TOLERANCE = 2;

  private static final Logger LOG = LoggerFactory.getLogger(DonutStats.class);
  private static final int REDIS_TIMEOUT_MILLIS = 1000;

  private final UnifiedJedis redis;
  private final List<String> allDonuts;

  DonutStats(UnifiedJedis redis, List<String> allDonuts) {
    this.redis = redis;
    this.allDonuts = List.copyOf(allDonuts);
  }

  /** Connects lazily: no I/O happens until the first command. */
  static DonutStats connect(String host, int port, List<String> allDonuts) {
    RedisClient client =
        RedisClient.builder()
            .hostAndPort(host, port)
            .clientConfig(
                DefaultJedisClientConfig.builder().timeoutMillis(REDIS_TIMEOUT_MILLIS).build())
            .build();
    return new DonutStats(client, allDonuts);
  }

  static String optimalSugarKey(int hops) {
    return "cafe:optimal_sugar:" + hops;
  }

  static String sugarLevelKey(int sugar) {
    return "cafe:donuts_by_sugar:" + sugar;
  }

  /** Writes the stats derived from the menu; returns false (and logs) when Redis is down. */
  boolean seed(List<Beer> beers, List<Donut> donuts) {
    try {
      for (Beer beer : beers) {
        int level = Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, beer.hops() - 2));
        redis.set(optimalSugarKey(beer.hops()), Integer.toString(level));
      }
      for (int level = MIN_LEVEL; level <= MAX_LEVEL; level++) {
        redis.del(sugarLevelKey(level));
        for (Donut donut : donuts) {
          if (Math.abs(donut.sugar() - level) <= SUGAR_TOLERANCE) {
            redis.zadd(sugarLevelKey(level), donut.sugar(), donut.name());
          }
        }
      }
      return true;
    } catch (JedisException e) {
      LOG.warn("cannot seed DonutStats in Redis, lookups will use fallbacks: {}", e.toString());
      return false;
    }
  }

  /** The sugar level that suits a beer with these hops; random 1-10 when Redis doesn't know. */
  int optimalSugarLevel(int hops) {
    String key = optimalSugarKey(hops);
    try {
      String value = redis.get(key);
      if (value != null) {
        return Integer.parseInt(value);
      }
      LOG.info("no {} in Redis, using a random sugar level", key);
    } catch (NumberFormatException e) {
      LOG.warn("{} holds a non-numeric value, using a random sugar level", key);
    } catch (JedisException e) {
      LOG.warn("Redis lookup of {} failed, using a random sugar level: {}", key, e.toString());
    }
    return ThreadLocalRandom.current().nextInt(MIN_LEVEL, MAX_LEVEL + 1);
  }

  /** Donut names listed at this sugar level, sweetest last; every donut when Redis doesn't know. */
  List<String> donutsBySugarLevel(int sugar) {
    String key = sugarLevelKey(sugar);
    try {
      List<String> donuts = redis.zrange(key, 0, -1);
      if (!donuts.isEmpty()) {
        return donuts;
      }
      LOG.info("no {} in Redis, using every donut", key);
    } catch (JedisException e) {
      LOG.warn("Redis lookup of {} failed, using every donut: {}", key, e.toString());
    }
    return allDonuts;
  }

  @Override
  public void close() {
    redis.close();
  }
}
