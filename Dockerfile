# Build and run the 12345 hotline server. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
# The documented config file is also the jar's built-in defaults (see pom.xml resources).
COPY config ./config
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/hotline.jar /app/hotline.jar
COPY config /app/config
COPY routing-rules /app/routing-rules
RUN useradd --system --home /app hotline && chown -R hotline /app
USER hotline
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/hotline.jar"]
