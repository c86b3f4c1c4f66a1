package org.reciprocity.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for a platform started beside others (the tests, the crash suite), taken below the
 * kernel's ephemeral range (32768 and up on Linux). A port the kernel handed out with
 * {@code new ServerSocket(0)} lies in that range, so between the check and the moment a service
 * binds it, any outgoing connection (a Kafka client's, a driver's) may be given it as its own
 * local port, and the service fails with "port already in use" — as the crash suite once did.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int BELOW_EPHEMERAL = 32_000;

    private FreePorts() {
    }

    /** {@code count} consecutive free ports (the crash suite's launcher takes them from the first). */
    public static int block(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = LOWEST + ThreadLocalRandom.current().nextInt(BELOW_EPHEMERAL - LOWEST - count);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                free = isFree(port);
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no block of " + count + " free ports between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }

    /** {@code count} free ports, each its own. */
    public static int[] some(int count) {
        int first = block(count);
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = first + i;
        }
        return ports;
    }

    public static int one() {
        return block(1);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
