package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The queue and its writer threads on H2: what a caller gets back, what reaches the table, and
 * the threads' lifecycle. Writers are held on a latch so that writes wait in the queue when a
 * test needs them to; nothing here depends on timing.
 */
@DisplayName("Group commit: a queue drained by writer threads")
class GroupCommitTest {
    private String url;
    private HikariDataSource pool;
    private Jdbc jdbc;
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private GroupCommit writes;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> callers = new ArrayList<>();
    /** Per caller id: what its run returned, or the exception it threw. */
    private final Map<Integer, Object> outcomes = new ConcurrentHashMap<>();

    @BeforeEach
    void open() {
        url = "jdbc:h2:mem:" + TestDatabases.uniqueName("gc") + ";DB_CLOSE_DELAY=-1";
        pool = TestDatabases.pool(url, 6);
        TestDatabases.execute(url, "CREATE TABLE item (id INT PRIMARY KEY)");
        jdbc = new Jdbc(pool);
        writes = new GroupCommit(jdbc, batchSizes::add);
    }

    @AfterEach
    void close() {
        release.countDown();
        writes.close();
        TestDatabases.execute(url, "SHUTDOWN");
        pool.close();
    }

    private static Jdbc.Work<String> insert(int id) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (id) VALUES (?)")) {
                ps.setInt(1, id);
                ps.executeUpdate();
                return "inserted " + id;
            }
        };
    }

    /** Occupies both writers until {@link #release}, so later writes wait in the queue. */
    private void holdWriters() throws InterruptedException {
        for (int i = 0; i < GroupCommit.WRITERS; i++) {
            CountDownLatch running = new CountDownLatch(1);
            int id = 1000 + i;
            caller(id, c -> {
                running.countDown();
                try {
                    if (!release.await(60, TimeUnit.SECONDS)) throw new SQLException("never released");
                } catch (InterruptedException e) {
                    throw new SQLException("interrupted while held", e);
                }
                return insert(id).run(c);
            });
            assertThat(running.await(30, TimeUnit.SECONDS))
                    .as("writer %d took the holding write", i)
                    .isTrue();
        }
    }

    /** Runs one write on a thread of its own; its outcome lands in {@link #outcomes}. */
    private Thread caller(int id, Jdbc.Work<String> work) {
        Thread t = new Thread(
                () -> {
                    try {
                        outcomes.put(id, writes.run("write " + id, work));
                    } catch (RuntimeException e) {
                        outcomes.put(id, e);
                    }
                },
                "caller-" + id);
        callers.add(t);
        t.start();
        return t;
    }

    private void joinCallers() throws InterruptedException {
        for (Thread t : callers) t.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(callers).noneMatch(Thread::isAlive);
    }

    private List<Integer> storedIds() {
        try (Connection c = pool.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM item ORDER BY id")) {
            List<Integer> ids = new ArrayList<>();
            while (rs.next()) ids.add(rs.getInt(1));
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Thread> writerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(writes.name + "-"))
                .toList();
    }

    @Test
    @DisplayName("writes queued together commit in one batch; a duplicate fails only its own caller")
    void batchWithDuplicate() throws Exception {
        TestDatabases.execute(url, "INSERT INTO item (id) VALUES (7)");
        holdWriters();
        for (int id = 1; id <= 10; id++) caller(id, insert(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.queued() == 10);
        release.countDown();
        joinCallers();

        for (int id = 1; id <= 10; id++) {
            if (id == 7) {
                assertThat(outcomes.get(id))
                        .isInstanceOfSatisfying(
                                StoreException.class,
                                e -> assertThat(e)
                                        .hasMessageContaining("write 7 failed")
                                        .hasMessageContaining("23505"));
            } else {
                assertThat(outcomes.get(id)).isEqualTo("inserted " + id);
            }
        }
        assertThat(storedIds()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000, 1001);
        assertThat(batchSizes)
                .as("batch sizes heard by the listener")
                .contains(1)
                .anyMatch(size -> size > 1);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
    }

    /** A write that holds its writer until {@code hold} opens, once {@code started} has been counted down. */
    private static Jdbc.Work<String> held(int id, CountDownLatch started, CountDownLatch hold) {
        return c -> {
            started.countDown();
            try {
                if (!hold.await(60, TimeUnit.SECONDS)) throw new SQLException("never released");
            } catch (InterruptedException e) {
                throw new SQLException("interrupted while held", e);
            }
            return insert(id).run(c);
        };
    }

    @Test
    @DisplayName(
            "while a batch runs, a writer holding fewer writes than the last batch waits for it, then takes what came")
    void gathersWhileABatchRuns() throws Exception {
        CountDownLatch holdFirst = new CountDownLatch(1);
        CountDownLatch holdSecond = new CountDownLatch(1);
        CountDownLatch holdThird = new CountDownLatch(1);
        CountDownLatch firstRuns = new CountDownLatch(1);
        CountDownLatch secondRuns = new CountDownLatch(1);
        CountDownLatch thirdRuns = new CountDownLatch(1);
        caller(1000, held(1000, firstRuns, holdFirst));
        assertThat(firstRuns.await(30, TimeUnit.SECONDS)).isTrue();
        caller(1001, held(1001, secondRuns, holdSecond)); // the last batch held one write: no waiting
        assertThat(secondRuns.await(30, TimeUnit.SECONDS)).isTrue();
        // both writers busy: three writes wait in the queue, then go as one batch of three
        caller(1, held(1, thirdRuns, holdThird));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.queued() == 1);
        caller(2, insert(2));
        caller(3, insert(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.queued() == 3);
        holdSecond.countDown();
        assertThat(thirdRuns.await(30, TimeUnit.SECONDS)).isTrue();
        holdFirst.countDown();
        // one writer runs the batch of three; the other takes 4 and waits for that batch, while 5 queues
        caller(4, insert(4));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.gathered() == 1);
        caller(5, insert(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.queued() == 1);
        assertThat(storedIds()).containsExactly(1000, 1001);
        holdThird.countDown();
        joinCallers();

        for (int id = 1; id <= 5; id++) assertThat(outcomes.get(id)).isEqualTo("inserted " + id);
        assertThat(storedIds()).containsExactly(1, 2, 3, 4, 5, 1000, 1001);
        assertThat(batchSizes).containsExactly(1, 1, 3, 2);
    }

    @Test
    @DisplayName(
            "an interrupted caller whose write is still queued gets an exception, keeps its interrupt, and the write never runs")
    void interruptWhileQueued() throws Exception {
        holdWriters();
        boolean[] interruptedAfter = new boolean[1];
        Thread t = new Thread(() -> {
            try {
                outcomes.put(5, writes.run("write 5", insert(5)));
            } catch (RuntimeException e) {
                outcomes.put(5, e);
            }
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        t.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.queued() == 1);
        t.interrupt();
        t.join(TimeUnit.SECONDS.toMillis(60));
        release.countDown();
        joinCallers();

        assertThat(outcomes.get(5))
                .isInstanceOfSatisfying(
                        StoreException.class,
                        e -> assertThat(e)
                                .hasMessage(
                                        "write 5 was not run: the thread was interrupted while it waited in the group-commit queue"));
        assertThat(interruptedAfter[0]).isTrue();
        assertThat(storedIds()).containsExactly(1000, 1001);
    }

    @Test
    @DisplayName("close lets the writers commit what is queued, then refuses writes and leaves no writer thread")
    void closeDrains() throws Exception {
        holdWriters();
        for (int id = 1; id <= 5; id++) caller(id, insert(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.queued() == 5);
        Thread closer = new Thread(writes::close);
        closer.start();
        await().atMost(Duration.ofSeconds(30)).until(writes::closed);
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(60));
        joinCallers();

        for (int id = 1; id <= 5; id++) assertThat(outcomes.get(id)).isEqualTo("inserted " + id);
        assertThat(storedIds()).containsExactly(1, 2, 3, 4, 5, 1000, 1001);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> writerThreads().isEmpty()); // close waited for them: they are ending
        assertThatThrownBy(() -> writes.run("write 6", insert(6)))
                .isInstanceOf(StoreException.class)
                .hasMessage("write 6 was not run: the storage is closed");
    }

    @Test
    @DisplayName("close with writers stuck on the database fails the queued writes with a clear exception")
    void closeFailsWhatIsLeft() throws Exception {
        holdWriters();
        for (int id = 1; id <= 3; id++) caller(id, insert(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.queued() == 3);
        writes.close(0);
        release.countDown();
        joinCallers();

        for (int id = 1; id <= 3; id++) {
            assertThat(outcomes.get(id))
                    .isInstanceOfSatisfying(
                            StoreException.class,
                            e -> assertThat(e).hasMessageContaining("was not run: the storage is closed"));
        }
        assertThat(outcomes.get(1000)).isEqualTo("inserted 1000"); // taken before the close: committed
        assertThat(storedIds()).containsExactly(1000, 1001);
        await().atMost(Duration.ofSeconds(30)).until(() -> writerThreads().isEmpty());
    }

    @Test
    @DisplayName("an Error inside a write fails that caller with a StoreException; the writer lives on")
    void errorInWrite() throws Exception {
        caller(1, c -> {
                    throw new AssertionError("boom");
                })
                .join(TimeUnit.SECONDS.toMillis(60));
        assertThat(outcomes.get(1))
                .isInstanceOfSatisfying(
                        StoreException.class,
                        e -> assertThat(e)
                                .hasMessageContaining("write 1 failed")
                                .hasCauseInstanceOf(AssertionError.class));
        assertThat(writes.run("write 2", insert(2))).isEqualTo("inserted 2");
        assertThat(storedIds()).containsExactly(2);
    }

    @Test
    @DisplayName("off: each write runs on its caller's thread in auto-commit, and no writer thread starts")
    void off() {
        GroupCommit off = GroupCommit.off(jdbc);
        Thread[] ranOn = new Thread[1];
        String answer = off.run("write 1", c -> {
            ranOn[0] = Thread.currentThread();
            return insert(1).run(c);
        });
        assertThat(answer).isEqualTo("inserted 1");
        assertThat(ranOn[0]).isSameAs(Thread.currentThread());
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith(off.name + "-"));
        assertThat(storedIds()).containsExactly(1);
    }
}
