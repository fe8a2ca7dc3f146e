package dev.tracehouse.testapp;

import dev.tracehouse.tracer.Trace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The app {@code DatabaseIntegrationsIT} runs in a forked JVM: a {@code @Trace} method that uses
 * SQLite (the file in {@code STORE_APP_DB}) through plain, prepared and batched statements, one
 * failing query, and Redis on 127.0.0.1:{@code STORE_APP_REDIS_PORT} (commands, a pipeline, one
 * failing command). The schema is created before, outside any span. Prints {@code served 2} when
 * the queries returned what they should.
 */
public final class StoreApp {

  private StoreApp() {}

  public static void main(String[] args) throws SQLException {
    int redisPort = Integer.parseInt(System.getenv("STORE_APP_REDIS_PORT"));
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + System.getenv("STORE_APP_DB"));
        RedisClient redis = RedisClient.create("127.0.0.1", redisPort)) {
      try (Statement schema = db.createStatement()) {
        schema.execute("create table orders (beer text, quantity integer)");
      }
      System.out.println("served " + order(db, redis, "ipa"));
    }
  }

  @Trace(operationName = "cafe.order", resourceName = "POST /order")
  static int order(Connection db, RedisClient redis, String beer) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement("insert into orders (beer, quantity) values (?, ?)")) {
      insert.setString(1, beer);
      insert.setInt(2, 2);
      insert.executeUpdate();
    }
    try (Statement statement = db.createStatement()) {
      statement.addBatch("insert into orders values ('stout', 1)");
      statement.addBatch("delete from orders where beer = 'stout'");
      statement.executeBatch();
      try {
        statement.executeQuery("select * from wines");
      } catch (SQLException expected) {
        // traced as an error span
      }
    }
    redis.zincrby("donuts", 1, beer);
    redis.set("beer:" + beer, "hoppy");
    try {
      redis.incr("beer:" + beer);
    } catch (JedisDataException expected) {
      // traced as an error span
    }
    try (Pipeline pipeline = redis.pipelined()) {
      pipeline.hset("orders:" + beer, "quantity", "2");
      pipeline.expire("orders:" + beer, 60);
      pipeline.sync();
    }
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("select sum(quantity) from orders")) {
      return rows.next() ? rows.getInt(1) : -1;
    }
  }
}
