package dev.lrlab.reports.results;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gson set-up of the results format: snake_case names, and non-finite numbers in arrays
 * written as null (JSON has no NaN) and read back as NaN.
 */
public final class ResultsJson {

    private ResultsJson() {
    }

    /** For one-line records (trials.jsonl). */
    public static Gson compact() {
        return builder().create();
    }

    /** For human-read files (manifest.json). */
    public static Gson pretty() {
        return builder().setPrettyPrinting().create();
    }

    private static GsonBuilder builder() {
        return new GsonBuilder()
                .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                .registerTypeAdapter(double[].class, new DoubleArrayAdapter().nullSafe())
                .disableHtmlEscaping();
    }

    private static final class DoubleArrayAdapter extends TypeAdapter<double[]> {
        @Override
        public void write(JsonWriter out, double[] values) throws IOException {
            out.beginArray();
            for (double v : values) {
                if (Double.isFinite(v)) {
                    out.value(v);
                } else {
                    out.nullValue();
                }
            }
            out.endArray();
        }

        @Override
        public double[] read(JsonReader in) throws IOException {
            List<Double> values = new ArrayList<>();
            in.beginArray();
            while (in.hasNext()) {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    values.add(Double.NaN);
                } else {
                    values.add(in.nextDouble());
                }
            }
            in.endArray();
            double[] out = new double[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i);
            }
            return out;
        }
    }
}
