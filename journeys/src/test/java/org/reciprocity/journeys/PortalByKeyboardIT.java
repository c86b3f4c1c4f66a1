package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every flow of the member's half by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows; nothing
 * clicked): signing in, logging hours, confirming with a thank-you, spending, reading the statement
 * and putting a need on the board. The keyboard's path is asserted at every step ({@link Keyboard}):
 * a control Tab cannot reach fails the test. axe and screenshots as everywhere.
 */
class PortalByKeyboardIT {

    static Portal portal;

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aMemberSignsInLogsConfirmsSpendsReadsAndPublishesByKeyboardAlone() {
        Screens screens = new Screens("portal-by-keyboard");
        String organisationName = "Keyboard Lane Library";
        String organisation = portal.organisation(Portal.TIMEBANK, organisationName);
        Portal.Invited giver = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Kit"), "en", List.of());
        Portal.Invited receiver = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Lena"), "en", List.of());

        try (Person kit = new Person(portal, Browser.open(screens, true), "giver");
             Person lena = new Person(portal, Browser.open(screens, true), "receiver")) {
            kit.setUpPassword(giver.link(), new Portal.Account(giver.name(), giver.memberId(), Portal.TIMEBANK,
                    giver.email(), "keys on a blue ring"));
            lena.setUpPassword(receiver.link(), new Portal.Account(receiver.name(), receiver.memberId(), Portal.TIMEBANK,
                    receiver.email(), "a quiet garden bench"));

            String contribution = kit.logHoursByKeyboard("GAVE", receiver.name(), 2, 0, "We walked to the shop");
            assertThat(contribution).startsWith(portal.web + "/contributions/");

            lena.signOut();
            lena.signInByKeyboard();
            assertThat(lena.confirmWaitingByKeyboard("Thank you for the walk")).startsWith(contribution);

            kit.spendByKeyboard(organisation, 0, 30);
            assertThat(kit.statementByKeyboard()).contains(organisationName);

            String landed = kit.publishNeedByKeyboard("A walk on Sunday", "exercise");
            assertThat(landed).startsWith(portal.web + "/board/");
        }
    }
}
