package dev.lrlab.agents;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A reference fixture written by a script in agents/src/test/python: its JSON and its cases. */
public final class ReferenceFixture {

    private ReferenceFixture() {
    }

    /** The JSON object of a test resource, such as {@code /nn/pytorch-network-reference.json}. */
    public static JsonObject load(String resource) {
        try (var in = ReferenceFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The objects of the fixture's {@code cases} array. */
    public static List<JsonObject> cases(JsonObject fixture) {
        List<JsonObject> out = new ArrayList<>();
        fixture.getAsJsonArray("cases").forEach(c -> out.add(c.getAsJsonObject()));
        return out;
    }
}
