package org.reciprocity.testsupport.matrix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TestTokens;

/**
 * The authorization matrix of one running service: every operation of its OpenAPI document, tried
 * by every persona (no token; each role, for this timebank and for another; a stranger to what the
 * path names or in each subject relation the fixtures set up; an ADMIN's token wrong in one way,
 * {@link BadTokens}), each answer held against what the
 * operation's rule ({@code x-access-allowed}) says. All disagreements are collected and reported at
 * once; the counts are printed, so a run shows what it covered.
 */
public final class AuthorizationMatrix {

    private final String service;
    private final ApiClient api;
    private final Fixtures fixtures;
    private final TestTokens tokens = SharedInfrastructure.get().tokens();

    /** What a run covered and what disagreed. */
    public record Result(String service, int endpoints, int cases, int scenes, Duration took, List<String> failures,
                         List<String> notes) {

        public String summary() {
            return "Authorization matrix (" + service + "): " + endpoints + " endpoints, " + cases + " cases, "
                    + scenes + " scenes arranged, " + failures.size() + " failures, in "
                    + String.format("%.1f s", took.toMillis() / 1000.0);
        }
    }

    public AuthorizationMatrix(String service, ApiClient api, Fixtures fixtures) {
        this.service = service;
        this.api = api;
        this.fixtures = fixtures;
    }

    /** Runs the matrix, prints what it covered, and fails with every disagreement if there is any. */
    public Result verify() {
        Result result = run();
        System.out.println(result.summary());
        result.notes().forEach(note -> System.out.println("  note: " + note));
        if (!result.failures().isEmpty()) {
            throw new AssertionError(result.summary() + "; these answers disagree with the access policy:\n  - "
                    + String.join("\n  - ", result.failures()));
        }
        return result;
    }

    public Result run() {
        long started = System.nanoTime();
        OpenApiOperations.Read read = OpenApiOperations.read(api,
                tokens.token("matrix-reader", fixtures.timebank(), Role.MEMBER.name()));
        Run run = new Run(new Scenes(fixtures));
        run.failures.addAll(read.problems());
        if (read.operations().isEmpty()) {
            run.failures.add("the OpenAPI document has no operation under /api/");
        }
        read.operations().forEach(run::walk);
        List<String> notes = new ArrayList<>();
        run.arranged.stream().filter(key -> !run.seenToHold.contains(key)).forEach(key -> notes.add(
                "no endpoint lets in on " + key + " alone, so the matrix could not see the fixtures make it hold"));
        return new Result(service, read.operations().size() + read.problems().size(), run.cases, run.scenes.arranged(),
                Duration.ofNanos(System.nanoTime() - started), List.copyOf(run.failures), notes);
    }

    /** One pass over the operations. */
    private final class Run {
        private final Scenes scenes;
        private final List<String> failures = new ArrayList<>();
        private final Set<Scenes.Key> arranged = new LinkedHashSet<>();
        private final Set<Scenes.Key> seenToHold = new HashSet<>();
        private final Set<Scenes.Key> broken = new HashSet<>();
        private final Map<String, String> signed = new HashMap<>();
        private Map<String, String> badTokens;
        private int cases;

        Run(Scenes scenes) {
            this.scenes = scenes;
        }

        void walk(Operation operation) {
            Set<Relation> subjects = subjectsOf(operation);
            for (Relation allowed : operation.allowed()) {
                if (allowed.ofSubject() && !subjects.contains(allowed)) {
                    failures.add(operation + ": rule " + operation.rule() + " lets in " + allowed
                            + ", which the fixtures cannot set up for this path, so the matrix cannot show who is let in");
                }
            }
            attempt(operation, Persona.signedOut());
            attemptBadTokens(operation);
            List<Relation> standings = new ArrayList<>();
            standings.add(null);
            standings.addAll(subjects);
            for (Relation subject : standings) {
                List<Persona> personas = new ArrayList<>();
                for (boolean elsewhere : operation.namesTimebank() ? List.of(true, false) : List.of(false)) {
                    for (Role role : Role.values()) {
                        personas.add(new Persona(role, elsewhere, subject));
                    }
                }
                // those the policy refuses first: if it holds, they change nothing, and the scene serves them all
                personas.sort(Comparator.comparing(persona -> Expected.of(operation, persona) == Expected.LET_IN));
                personas.forEach(persona -> attempt(operation, persona));
            }
        }

        private void attempt(Operation operation, Persona persona) {
            Scenes.Key key = Scenes.Key.of(operation, persona.subject());
            if (broken.contains(key)) {
                return;
            }
            Scene scene;
            try {
                scene = scenes.of(operation, persona.subject());
            } catch (RuntimeException | AssertionError e) {
                broken.add(key);
                failures.add(operation + ": the fixtures could not set up " + key + ": " + e.getMessage());
                return;
            }
            String untrue = untrue(operation, persona.subject(), scene);
            if (untrue != null) {
                broken.add(key);
                failures.add(operation + ": the fixtures' scene for " + key + " " + untrue + " " + scene);
                return;
            }
            if (persona.subject() != null) {
                arranged.add(key);
            }
            cases++;
            String path = operation.fill(withTimebank(scene));
            String token = persona.signedIn() ? token(scene.caller(), persona) : null;
            ApiClient.Response response = api.send(operation.method(), path, token, operation.takesBody() ? "{}" : null);
            judge(operation, persona, key, path, response);
            if (operation.changesState() && (response.status() / 100 == 2 || response.status() >= 500)) {
                scenes.spend(operation, persona.subject());
            }
        }

        /**
         * Each bad token, otherwise an ADMIN's of this timebank, refused as no sign-in at all. Not tried
         * where the rule lets in anyone: there a bad token may as well be read as none.
         */
        private void attemptBadTokens(Operation operation) {
            Scenes.Key key = Scenes.Key.of(operation, null);
            if (operation.allowed().contains(Relation.ANYONE) || broken.contains(key)) {
                return;
            }
            Scene scene;
            try {
                scene = scenes.of(operation, null);
            } catch (RuntimeException | AssertionError e) {
                return; // the signed-out attempt on the same scene has said so
            }
            if (badTokens == null) {
                badTokens = BadTokens.of(tokens, "matrix-bad-token", fixtures.timebank(), Role.ADMIN.name());
            }
            String path = operation.fill(withTimebank(scene));
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                cases++;
                ApiClient.Response response = api.send(operation.method(), path, bad.getValue(),
                        operation.takesBody() ? "{}" : null);
                String disagreement = Expected.NOT_SIGNED_IN.disagreement(response);
                if (disagreement != null) {
                    failures.add(operation + " with an ADMIN's token of " + bad.getKey() + ": " + disagreement + " — "
                            + operation.method() + " " + path);
                }
                if (operation.changesState() && (response.status() / 100 == 2 || response.status() >= 500)) {
                    scenes.spend(operation, null);
                    return;
                }
            }
        }

        private void judge(Operation operation, Persona persona, Scenes.Key key, String path, ApiClient.Response response) {
            Expected expected = Expected.of(operation, persona);
            boolean onlyBySubject = expected == Expected.LET_IN && !operation.allows(persona.fromRole());
            String disagreement = expected.disagreement(response);
            if (disagreement == null) {
                if (onlyBySubject) {
                    seenToHold.add(key);
                }
                return;
            }
            failures.add(operation + " as " + persona + " (rule " + operation.rule() + " " + operation.allowed() + "): "
                    + disagreement + (onlyBySubject ? " (let in only as " + persona.subject()
                    + ": if the fixtures made that hold, the service refuses whom its policy lets in)" : "")
                    + " — " + operation.method() + " " + path);
        }

        /** What is visibly wrong with a scene, cheaply: a stranger named in the path, a SELF who is not. */
        private String untrue(Operation operation, Relation subject, Scene scene) {
            if (scene.caller() == null || scene.caller().isBlank()) {
                return "has no caller";
            }
            for (String variable : scene.variables().keySet()) {
                if (!operation.variables().contains(variable)) {
                    return "names {" + variable + "}, which the path does not have";
                }
            }
            if (subject == null && scene.namesCaller()) {
                return "names the stranger in the path";
            }
            if (subject == Relation.SELF && !scene.namesCaller()) {
                return "does not name the caller in the path";
            }
            if (subject != null && scene.variables().isEmpty()) {
                return "names nothing the caller could stand in relation to";
            }
            return null;
        }

        /** Signed once per caller, timebank and role: a scene serves many cases, and each signature is an RSA sum. */
        private String token(String caller, Persona persona) {
            String timebank = persona.elsewhere() ? fixtures.otherTimebank() : fixtures.timebank();
            return signed.computeIfAbsent(caller + " " + timebank + " " + persona.role(),
                    key -> tokens.token(caller, timebank, persona.role().name()));
        }

        private Map<String, String> withTimebank(Scene scene) {
            Map<String, String> values = new HashMap<>(scene.variables());
            values.put(Operation.TIMEBANK, fixtures.timebank());
            return values;
        }

        /** The subject relations to try: none where no timebank is named, as the kit then looks at roles only. */
        private Set<Relation> subjectsOf(Operation operation) {
            Set<Relation> subjects = EnumSet.noneOf(Relation.class);
            if (operation.namesTimebank()) {
                for (Relation relation : fixtures.relationsFor(operation)) {
                    if (!relation.ofSubject()) {
                        throw new IllegalArgumentException("the fixtures set up " + relation + ", which comes from a role");
                    }
                    subjects.add(relation);
                }
            }
            return subjects;
        }
    }
}
