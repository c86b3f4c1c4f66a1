package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A browser session with the inbox stream open sees a new item within a second of the event; the
 * stream lasts no longer than the sign-in that opened it, ends when the member is suspended, and a
 * member keeps only a few open.
 */
class LiveStreamIT extends NotificationServiceIT {

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");
    final List<EventStream> opened = new ArrayList<>();

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterEach
    void closeTheStreams() {
        opened.forEach(EventStream::close);
    }

    @Test
    void anOpenStreamReceivesTheInboxItemWithinASecondOfTheEvent() throws Exception {
        known(scenario.opened("Europe/London"), sam, ali);
        EventStream stream = open(ali, token(ali.memberId(), scenario.timebank, "MEMBER"));
        assertThat(stream.status).isEqualTo(200);
        assertThat(stream.next("event:ready", Duration.ofSeconds(10))).isNotNull();
        // the first item warms the path (a new instance's live consumer joins its group after start-up, and
        // reads from the latest offset: an item sent before it has its partitions would never reach it)
        awaitTheLiveConsumerReadsMemberEvents();
        TopicProbe.send(bootstrap, scenario.logged(sam, ali));
        assertThat(stream.next("event:inbox", Duration.ofSeconds(30))).as("the warm-up item").isNotNull();
        stream.skipAll();
        ContributionLogged logged = scenario.logged(sam, ali);

        long sent = System.nanoTime();
        TopicProbe.send(bootstrap, logged);
        String event = stream.next("event:inbox", Duration.ofSeconds(5));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

        assertThat(event).as("the inbox item on the stream").isNotNull();
        assertThat(millis).as("milliseconds from event to stream").isLessThan(1_000);
        String data = stream.next("data:", Duration.ofSeconds(1));
        assertThat(data).contains(logged.eventId().toString()).contains("Did Sam give you 1 hour and 30 minutes?");
    }

    @Test
    void theServerClosesAStreamWhenTheSignInThatOpenedItExpires() throws Exception {
        known(scenario.opened("Europe/London"), ali);
        // measured before the token is made: its expiry (whole seconds) is at least 1 s after this
        long issued = System.nanoTime();
        String shortSignIn = SharedInfrastructure.get().tokens()
                .token(ali.memberId(), scenario.timebank, Duration.ofSeconds(2), "MEMBER");
        EventStream stream = open(ali, shortSignIn);
        assertThat(stream.next("event:ready", Duration.ofSeconds(5))).isNotNull();

        assertThat(stream.ends(Duration.ofSeconds(10))).as("closed by the server after the token's expiry: %s",
                stream.lines()).isTrue();
        // the token's expiry is in whole seconds, so it may fall up to a second before the 2 s asked for
        assertThat(TimeUnit.NANOSECONDS.toMillis(stream.endedAt() - issued)).isGreaterThanOrEqualTo(1_000);
        assertThat(stream.lines()).contains("event:closed")
                .anyMatch(line -> line.startsWith("data:") && line.contains("\"sign-in-expired\""));
    }

    @Test
    void aSuspensionClosesTheMembersOpenStreamsAtOnceAndNoNewOneOpens() throws Exception {
        known(scenario.opened("Europe/London"), sam, ali);
        String token = token(ali.memberId(), scenario.timebank, "MEMBER");
        EventStream phone = open(ali, token);
        EventStream laptop = open(ali, token);
        EventStream sams = open(sam, token(sam.memberId(), scenario.timebank, "MEMBER"));
        for (EventStream stream : List.of(phone, laptop, sams)) {
            assertThat(stream.next("event:ready", Duration.ofSeconds(5))).isNotNull();
        }
        awaitTheLiveConsumerReadsMemberEvents();

        long sent = System.nanoTime();
        TopicProbe.send(bootstrap, new MemberSuspended(UUID.randomUUID(), Instant.now(), scenario.timebank,
                ali.memberId(), "coordinator-1", "a safeguarding concern"));

        assertThat(phone.ends(Duration.ofSeconds(5))).as("the phone's stream closed: %s", phone.lines()).isTrue();
        assertThat(laptop.ends(Duration.ofSeconds(5))).as("the laptop's stream closed").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(Math.max(phone.endedAt(), laptop.endedAt()) - sent))
                .as("milliseconds from the suspension to the close").isLessThan(2_000);
        assertThat(phone.lines()).anyMatch(line -> line.startsWith("data:") && line.contains("\"member-suspended\""));
        assertThat(sams.hasEnded()).as("another member's stream stays open").isFalse();

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(
                mongo.getCollection("recipients").find(new Document("_id", ali.memberId())).first().get("suspended")));
        ApiClient.Response again = api.get("/api/v1/timebanks/" + scenario.timebank + "/inbox/stream", token);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.text("code")).isEqualTo("member-suspended");
    }

    @Test
    void aMembersSixthStreamClosesTheirOldest() throws Exception {
        known(scenario.opened("Europe/London"), ali);
        String token = token(ali.memberId(), scenario.timebank, "MEMBER");
        List<EventStream> streams = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            EventStream stream = open(ali, token);
            assertThat(stream.next("event:ready", Duration.ofSeconds(5))).as("stream %s opened", i + 1).isNotNull();
            streams.add(stream);
        }

        EventStream oldest = streams.get(0);
        assertThat(oldest.ends(Duration.ofSeconds(5))).as("the oldest closed: %s", oldest.lines()).isTrue();
        assertThat(oldest.lines()).anyMatch(line -> line.startsWith("data:") && line.contains("\"too-many-live-streams\""));
        Thread.sleep(300);
        assertThat(streams.subList(1, 6)).as("the five newest stay open").noneMatch(EventStream::hasEnded);
    }

    private EventStream open(MemberRegistered member, String token) throws Exception {
        EventStream stream = EventStream.open(port, member.timebankId(), token);
        opened.add(stream);
        return stream;
    }

    /** The live consumer starts at the latest offsets: an event sent before it has its partitions would pass it by. */
    private void awaitTheLiveConsumerReadsMemberEvents() {
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.getListenerContainer("notification.live")
                .getAssignedPartitions().stream().map(p -> p.topic()).collect(java.util.stream.Collectors.toSet())
                .containsAll(java.util.Set.of(Topics.MEMBERS_TOPIC, Topics.NOTIFICATIONS_TOPIC)));
    }
}
