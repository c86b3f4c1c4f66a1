package org.reciprocity.platform;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A tiny stand-in for a broker or service: holds a port if given one, and waits to be stopped. */
public final class FakeChild {

    private FakeChild() {
    }

    public static void main(String[] args) throws Exception {
        ServerSocket port = null;
        if (args.length > 0) {
            port = new ServerSocket();
            port.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
        }
        System.out.println("fake child running" + (port == null ? "" : " on port " + port.getLocalPort()));
        Thread.sleep(Long.MAX_VALUE);
    }
}
