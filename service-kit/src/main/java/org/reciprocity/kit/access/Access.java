package org.reciprocity.kit.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the rule of the service's access policy that guards an endpoint, by its constant's name.
 * Every endpoint has one: a service does not start, and the build fails, when one is missing or
 * names no rule ({@link AccessPolicy#verify}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Access {

    String value();
}
