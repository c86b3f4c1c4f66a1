package org.reciprocity.journeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-mails the local platform's SMTP server (GreenMail, in the launcher) received, read from
 * the launcher's {@code /dev/mail} listing: a count line, then for each e-mail, oldest first,
 * {@code ==== To: <addresses>}, {@code Subject:}, {@code Date:}, a blank line and the plain-text
 * body (see platform's {@code MailNode.listing}). Tests note how many e-mails a person had before
 * they act, then wait for a new one holding the link they expect.
 */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+");

    private final String listingUrl;

    Mailbox(String listingUrl) {
        this.listingUrl = listingUrl;
    }

    record Mail(String to, String subject, String body) {

        List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(body);
            while (matcher.find()) {
                links.add(matcher.group().replaceAll("[.,;:]+$", ""));
            }
            return links;
        }

        Optional<String> link(Predicate<String> wanted) {
            return links().stream().filter(wanted).findFirst();
        }
    }

    /** Every e-mail received so far, oldest first. */
    List<Mail> all() {
        Web.Reply reply = Web.get(listingUrl, null);
        if (reply.status() != 200) {
            throw new AssertionError("the launcher's mail listing " + listingUrl + " answered " + reply.status());
        }
        return parse(reply.body());
    }

    static List<Mail> parse(String listing) {
        List<Mail> mails = new ArrayList<>();
        String[] chunks = listing.split("\n==== To: ");
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            int newline = chunk.indexOf('\n');
            if (newline < 0) {
                continue;
            }
            String to = chunk.substring(0, newline).trim();
            String subject = "";
            int subjectAt = chunk.indexOf("\nSubject: ");
            if (subjectAt >= 0) {
                int end = chunk.indexOf('\n', subjectAt + 1);
                subject = chunk.substring(subjectAt + "\nSubject: ".length(), end < 0 ? chunk.length() : end).trim();
            }
            int bodyAt = chunk.indexOf("\n\n");
            mails.add(new Mail(to, subject, bodyAt < 0 ? "" : chunk.substring(bodyAt + 2)));
        }
        return mails;
    }

    /** The e-mails to this address so far (the one to pass to {@link #awaitNew} after acting). */
    int count(String address) {
        return to(address).size();
    }

    List<Mail> to(String address) {
        return all().stream().filter(m -> addressed(m, address)).toList();
    }

    /** Waits for an e-mail to {@code address}, after the first {@code before} ones, that {@code wanted} accepts. */
    Mail awaitNew(String address, int before, Predicate<Mail> wanted, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Mail> mails = to(address);
            for (Mail mail : mails.subList(Math.min(before, mails.size()), mails.size())) {
                if (wanted.test(mail)) {
                    return mail;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no e-mail to " + address + " with " + what + " within 60 s; after the first "
                        + before + " it had: " + mails.subList(Math.min(before, mails.size()), mails.size()));
            }
            pause(300);
        }
    }

    /** Waits for a new e-mail to {@code address} with a link {@code wanted} accepts, and returns the link. */
    String awaitLink(String address, int before, Predicate<String> wanted, String what) {
        return awaitNew(address, before, mail -> mail.link(wanted).isPresent(), what).link(wanted).orElseThrow();
    }

    private static boolean addressed(Mail mail, String address) {
        for (String to : mail.to().split(",")) {
            if (to.trim().equalsIgnoreCase(address) || to.trim().toLowerCase().endsWith("<" + address.toLowerCase() + ">")) {
                return true;
            }
        }
        return false;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
