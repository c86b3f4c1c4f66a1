package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void aWriteIsInTheFileBeforeItIsAnswered() throws Exception {
        Path file = Files.createTempDirectory("group-commit").resolve("store.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
        try (GroupCommit commits = new GroupCommit(store, Duration.ZERO)) {
            MVMap<String, String> map = store.openMap("documents");

            commits.write(() -> map.put("hour-1", "validated"));

            // what a crash right now would leave: the file as it is, opened by a new store
            Path copy = file.resolveSibling("after-crash.mv");
            Files.copy(file, copy);
            MVStore reopened = MVStore.open(copy.toString());
            assertThat(reopened.<String, String>openMap("documents").get("hour-1")).isEqualTo("validated");
            reopened.close();
        } finally {
            store.close();
        }
    }

    @Test
    void writersThatArriveTogetherShareACommit() throws Exception {
        Path file = Files.createTempDirectory("group-commit").resolve("store.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
        int writers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (GroupCommit commits = new GroupCommit(store, Duration.ofMillis(5))) {
            MVMap<Integer, Integer> map = store.openMap("documents");
            long versionBefore = store.getCurrentVersion();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int key = w;
                done.add(pool.submit(() -> {
                    start.await();
                    return commits.write(() -> map.put(key, key));
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }

            assertThat(map).hasSize(writers);
            assertThat(store.getCurrentVersion() - versionBefore).as("commits for %d writes", writers).isLessThan(writers / 2);
        } finally {
            pool.shutdownNow();
            store.close();
        }
    }
}
