package org.reciprocity.kit.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {
}
