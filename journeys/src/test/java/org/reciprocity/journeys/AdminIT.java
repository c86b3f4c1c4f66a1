package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 16, part C, on the whole local platform: an admin runs the timebank without a developer. They
 * change the policy's limit (the page then says the new one), open an organisation with its offers and
 * staff, and make a member a coordinator, which the member gets at their next sign-in; the page of
 * changes shows both with who and when. A member, and then a coordinator, get 403 on the admin pages.
 * Every page is checked by axe and shot at 320 px and desktop; the changes page is read in French; the
 * policy is put back by keyboard alone.
 */
@Isolated("changes the demo timebank's policy (-10 h to -20 h and back), which the other browser tests rely on")
class AdminIT {

    static final String COOKIE = "RECIPROCITY_PORTAL";
    static Portal portal;
    final Screens screens = new Screens("admin");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void anAdminChangesTheLimitAndMakesAMemberACoordinatorFromTheirNextSignInAndTheChangesAreRecorded() {
        Portal.Invited invited = portal.enrolThroughApis(Portal.TIMEBANK, Portal.uniqueName("Noor"), "en", List.of());
        try (Person admin = new Person(portal, Browser.open(screens, true), "admin");
             Person noor = new Person(portal, Browser.open(screens, true), "noor")) {
            noor.setUpPassword(invited.link(), new Portal.Account(invited.name(), invited.memberId(), Portal.TIMEBANK,
                    invited.email(), "a slow walk by the canal"));
            assertThat(noor.browser.has(By.cssSelector("a[href='/admin']"))).as("a member is not offered the admin's pages").isFalse();
            refusedEverywhere(noor, "member");

            portal.admin(admin);
            Browser b = admin.browser;
            b.go(portal.web + "/");
            b.click(By.cssSelector("a[href='/admin']"));
            b.await(By.id("admin-pages"));
            b.look("admin-hub");

            // the policy: members may go down to -20 h instead of -10 h
            b.click(By.id("to-policy"));
            b.await(By.id("save-policy"));
            b.look("admin-policy");
            String before = b.text(By.id("memberMinimum-means"));
            b.fill("memberMinimumHours", "twenty");
            b.submit(By.id("save-policy"));
            assertThat(b.errorSummary()).as("bad input is refused").contains("whole hours");
            b.look("admin-policy-bad-input");
            assertThat(b.text(By.id("memberMinimum-means"))).as("and changes nothing").isEqualTo(before);
            b.fill("memberMinimumHours", "20").fill("memberMinimumMinutes", "0");
            b.submit(By.id("save-policy"));
            b.await(By.id("policy-saved"));
            assertThat(b.text(By.id("memberMinimum-means"))).isEqualTo("Now: members may go down to -20 h.");
            b.look("admin-policy-saved");

            // an organisation, what members can spend hours on there, and its staff, picked by name
            String organisation = Portal.uniqueName("Garden club");
            b.go(portal.web + "/admin/organisations");
            b.await(By.id("open-organisation"));
            b.look("admin-organisations");
            b.fill("name", organisation);
            b.submit(By.id("open-organisation"));
            b.await(By.id("organisation-done"));
            b.look("admin-organisation-opened");
            b.fill("offers", "A packet of seeds\nAn afternoon on the allotment");
            b.submit(By.id("save-organisation"));
            b.await(By.id("organisation-done"));
            b.fill("person", invited.name());
            b.submit(By.id("find-staff"));
            b.await(By.id("staff-results"));
            b.look("admin-organisation-find-staff");
            b.submit(By.xpath("//form[@id='staff-results']//button[contains(normalize-space(.), '" + invited.name() + "')]"));
            assertThat(b.text(By.id("staff"))).contains(invited.name());
            b.look("admin-organisation-staffed");
            b.go(portal.web + "/admin/pot");
            b.await(By.tagName("h1"));
            b.look("admin-pot");

            // the role, found by name; it takes effect at the person's next sign-in
            b.go(portal.web + "/admin/roles");
            b.await(By.id("find-person"));
            b.fill("name", invited.name());
            b.submit(By.id("find-person"));
            b.look("admin-roles-found");
            b.click(By.linkText(invited.name()));
            b.await(By.id("save-roles"));
            assertThat(b.text(By.id("roles-when"))).contains("the next time " + invited.name() + " signs in");
            b.look("admin-role");
            b.choose("roles", "COORDINATOR");
            b.submit(By.id("save-roles"));
            b.await(By.id("roles-saved"));
            b.look("admin-role-saved");

            noor.browser.go(portal.web + "/");
            noor.browser.await(By.tagName("main"));
            assertThat(noor.browser.has(By.cssSelector("a[href='/coordinator']"))).as("not before signing in again").isFalse();
            noor.signOut();
            noor.signIn();
            WebElement coordinate = noor.browser.await(By.cssSelector("nav a[href='/coordinator']"));
            assertThat(coordinate.getText()).isEqualTo("Coordinate");
            noor.browser.go(portal.web + "/coordinator/invite");
            noor.browser.await(By.id("invite"));
            noor.browser.look("noor-coordinator-invite");
            refusedEverywhere(noor, "coordinator");

            // the changes made, newest first, with who and when; then in French
            b.go(portal.web + "/admin/audit");
            b.await(By.id("audit"));
            b.look("admin-audit");
            List<String> rows = b.all(By.cssSelector("#audit tbody tr")).stream().map(WebElement::getText).toList();
            int role = indexOf(rows, "Changed the roles of " + invited.name());
            int policy = indexOf(rows, "Changed the policy");
            assertThat(role).as("the role change is there: " + rows).isGreaterThanOrEqualTo(0);
            assertThat(policy).as("the policy change is there: " + rows).isGreaterThan(role);
            assertThat(rows.get(role)).contains("Roles: from Member to Member, Coordinator")
                    .contains(Integer.toString(Year.now().getValue())).contains(Portal.ADMIN_ID);
            assertThat(rows.get(policy)).contains("Lowest balance for members: from -10 h to -20 h");
            b.go(portal.web + "/admin/audit?lang=fr");
            b.await(By.id("audit"));
            assertThat(b.text(By.id("audit"))).contains("A changé les rôles de " + invited.name());
            b.look("admin-audit-fr");
            b.go(portal.web + "/admin/policy?lang=en");
            b.await(By.id("save-policy"));

            // the limit put back, by keyboard alone (other tests of this platform expect -10 h)
            Keyboard keys = b.keyboard();
            keys.typeInto(By.id("memberMinimumHours"), "10");
            WebElement save = keys.tabTo(By.id("save-policy"));
            keys.press(Keys.ENTER);
            b.awaitGone(save);
            b.await(By.id("policy-saved"));
            assertThat(b.text(By.id("memberMinimum-means"))).isEqualTo("Now: members may go down to -10 h.");
            b.look("admin-keyboard-policy-saved");
        }
    }

    /** The person's session gets 403 on every admin page (read outside the browser, to see the status). */
    private void refusedEverywhere(Person person, String as) {
        String cookie = COOKIE + "=" + person.browser.cookie(COOKIE);
        for (String page : List.of("/admin", "/admin/policy", "/admin/organisations", "/admin/roles", "/admin/pot", "/admin/audit")) {
            assertThat(Web.page(portal.web + page, cookie).status()).as(as + " on " + page).isEqualTo(403);
        }
        person.browser.go(portal.web + "/admin/policy");
        person.browser.await(By.tagName("h1"));
        assertThat(person.browser.has(By.id("save-policy"))).isFalse();
        person.browser.look(as + "-refused-admin-policy");
    }

    private static int indexOf(List<String> rows, String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
