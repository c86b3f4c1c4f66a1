# syntax=docker/dockerfile:1
# One Dockerfile for every service: docker compose passes SERVICE (identity-service,
# ledger-service, matching-service, notification-service, review-service, web) and PORT. Build context: the
# repository root. identity-service and web get a smaller heap from docker-compose.yml.
# Multi-stage: build with the Maven wrapper, then run the layered jar so dependency layers are
# cached between releases.
ARG SERVICE=ledger-service

FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl ${SERVICE} -am -DskipTests package \
 && java -Djarmode=tools -jar ${SERVICE}/target/${SERVICE}-exec.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
ARG PORT=8081
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 reciprocity \
 && mkdir -p /var/lib/reciprocity/ledger-keys /var/lib/reciprocity/review-exports \
 && chown reciprocity /var/lib/reciprocity/ledger-keys /var/lib/reciprocity/review-exports
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER reciprocity
ENV PORT=${PORT} LOG_FORMAT=ecs JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS "http://localhost:${PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
