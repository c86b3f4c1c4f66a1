package org.reciprocity.journeys;

/** The journey with JavaScript: a passkey, the thank-you arriving live. See {@link PortalJourney}. */
class PortalJourneyIT extends PortalJourney {

    @Override
    boolean javaScript() {
        return true;
    }

    @Override
    String test() {
        return "portal-journey";
    }
}
