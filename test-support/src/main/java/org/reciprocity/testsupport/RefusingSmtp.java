package org.reciprocity.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server on the wire that refuses every recipient the way Postfix does, quoting the
 * address: {@code 550 5.1.1 <x@y>: Recipient address rejected: User unknown}. GreenMail accepts
 * every recipient, so it cannot show what a refusal leaves behind in logs and stored errors.
 */
public final class RefusingSmtp implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("(?i)RCPT TO:\\s*<([^>]*)>.*");

    private final ServerSocket server;
    private final Thread acceptor;

    public RefusingSmtp() throws IOException {
        this(0);
    }

    /** On a given port, e.g. where a service under test expects its mail server; 0 for any free one. */
    public RefusingSmtp(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5);
        acceptor = new Thread(this::serve, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // closed, or the client hung up: wait for the next one
            }
        }
    }

    private static void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 refusing.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            Matcher rcpt = RCPT.matcher(line);
            if (verb.equals("EHLO") || verb.equals("HELO")) {
                reply(out, "250 refusing.test");
            } else if (verb.equals("MAIL")) {
                reply(out, "250 2.1.0 Ok");
            } else if (rcpt.matches()) {
                reply(out, "550 5.1.1 <" + rcpt.group(1) + ">: Recipient address rejected: User unknown in local recipient table");
            } else if (verb.equals("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                // the client hangs up first, so the port is not held in TIME_WAIT here and another
                // server (GreenMail) can take it again straight after this one
                while (in.readLine() != null) {
                    // nothing more is expected
                }
                return;
            } else if (verb.equals("RSET") || verb.equals("NOOP")) {
                reply(out, "250 2.0.0 Ok");
            } else {
                reply(out, "503 5.5.1 Error: need RCPT command");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
