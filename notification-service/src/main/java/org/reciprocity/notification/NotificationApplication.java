package org.reciprocity.notification;

import org.reciprocity.kit.ReciprocityService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Preferences, the in-app inbox, e-mail delivery, reminders and acknowledgements. */
@SpringBootApplication
@ReciprocityService
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
