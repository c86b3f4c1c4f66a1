package org.reciprocity.journeys;

/**
 * The same journey with the browser's JavaScript switched off: every core flow works on the
 * server's pages alone (both members choose a password, a passkey needing WebAuthn; the thank-you
 * is seen on the next page rather than live), and the members work at a phone's 320 px. See
 * {@link PortalJourney}.
 */
class PortalWithoutJavaScriptIT extends PortalJourney {

    @Override
    boolean javaScript() {
        return false;
    }

    @Override
    String test() {
        return "portal-without-javascript";
    }
}
