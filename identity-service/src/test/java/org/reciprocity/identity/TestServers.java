package org.reciprocity.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One mongo-java-server (the MongoDB wire protocol over TCP) and one GreenMail SMTP server per test
 * JVM, shared by the integration tests and stopped when the JVM exits. Nothing is mocked.
 */
final class TestServers {

    private static MongoServer mongo;
    private static InetSocketAddress mongoAddress;
    private static GreenMail smtp;
    static final int SMTP_PORT = freePort();

    private TestServers() {
    }

    static synchronized void start() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongoAddress = mongo.bind();
            smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                smtp.stop();
                mongo.shutdownNow();
            }));
        }
    }

    static String mongoUri(String database) {
        return "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort() + "/" + database;
    }

    /** The e-mails sent to this address so far, oldest first. */
    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
