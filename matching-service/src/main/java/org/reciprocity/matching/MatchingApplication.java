package org.reciprocity.matching;

import org.reciprocity.kit.ReciprocityService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Matching profiles, offers and needs, match proposals and the coordinator queue. */
@SpringBootApplication
@ReciprocityService
public class MatchingApplication {

    public static void main(String[] args) {
        SpringApplication.run(MatchingApplication.class, args);
    }
}
