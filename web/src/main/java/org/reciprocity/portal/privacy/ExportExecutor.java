package org.reciprocity.portal.privacy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Issue 18: where "Download my data" files are made, off the request thread. Two threads at most, so
 * members asking at once queue instead of taking the portal's threads; stopped with the portal.
 */
@Component
class ExportExecutor implements DisposableBean {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, work -> {
        Thread thread = new Thread(work, "my-data-export-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    void execute(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
