package org.reciprocity.platform;

import java.nio.file.Path;

/** A MongoNode alone in its JVM, for tests that kill it: {@code <data dir> <port>}. */
final class StandaloneMongoNode {

    private StandaloneMongoNode() {
    }

    public static void main(String[] args) throws Exception {
        MongoNode.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("mongo node ready on " + args[1]);
        Thread.currentThread().join(); // until killed
    }
}
