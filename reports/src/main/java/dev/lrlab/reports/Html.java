package dev.lrlab.reports;

import dev.lrlab.reports.figures.Figure;
import dev.lrlab.reports.results.Manifest;
import java.util.List;

/** The self-contained {@code report.html}: inline SVG, inline CSS, no script and no network. */
final class Html {

    private Html() {
    }

    static String page(RunData run, Analysis analysis, List<Figure> figures, List<String> svgs) {
        Manifest m = run.manifest();
        String name = m == null ? run.dir().getFileName().toString() : m.name();
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>lrlab report: ")
                .append(escape(name)).append("</title>\n<style>\n")
                .append("body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;margin:2em auto;max-width:1000px;"
                        + "color:#222;line-height:1.45;padding:0 1em}\n")
                .append("figure{margin:2em 0;border-top:1px solid #ddd;padding-top:1em}\n")
                .append("figure svg{max-width:100%;height:auto}\nfigcaption{font-size:.9em;color:#444}\n")
                .append("table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:3px 6px;"
                        + "text-align:right}th{background:#f4f4f4}td:first-child{text-align:left}\n")
                .append("pre{background:#f7f7f7;padding:1em;overflow:auto;font-size:.8em}\n.warn{color:#a40}\n")
                .append("</style></head><body>\n");
        h.append("<h1>").append(escape(name)).append("</h1>\n<p>").append(run.facts().trials())
                .append(" trials from <code>").append(escape(run.dir().toString())).append("</code>");
        if (m != null) {
            h.append("; lrlab ").append(escape(m.lrlabVersion()))
                    .append(m.gitCommit() == null ? "" : " (" + escape(m.gitCommit()) + ")")
                    .append(", started ").append(escape(m.startedAt()))
                    .append(m.endedAt() == null ? ", not finished" : ", ended " + escape(m.endedAt()));
        }
        h.append(".</p>\n");
        if (!run.warnings().isEmpty()) {
            h.append("<ul class=\"warn\">");
            run.warnings().forEach(w -> h.append("<li>").append(escape(w)).append("</li>"));
            h.append("</ul>\n");
        }
        Report.notes(analysis, run).forEach(n -> h.append("<p>").append(escape(n)).append("</p>\n"));
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            h.append("<figure id=\"").append(f.name()).append("\">\n").append(svgs.get(i))
                    .append("\n<figcaption><b>Figure ").append(i + 1).append(".</b> ").append(escape(f.caption()))
                    .append(" Files: <code>").append(f.name()).append(".svg / .png / .pdf</code></figcaption></figure>\n");
        }
        // the range test's figure, when `lrlab find-lr` has written one into this run directory
        java.nio.file.Path rangeTest = run.dir().resolve("find-lr").resolve("find-lr.svg");
        if (java.nio.file.Files.isRegularFile(rangeTest)) {
            try {
                String svg = java.nio.file.Files.readString(rangeTest);
                h.append("<figure id=\"find-lr\">\n").append(svg.substring(Math.max(0, svg.indexOf("<svg"))))
                        .append("\n<figcaption><b>Figure ").append(figures.size() + 1).append(".</b> The learning-rate "
                                + "range test (lrlab find-lr): smoothed held-out loss against a rate that grows with the "
                                + "updates, each seed a line, fast.ai's suggestions marked. Data: <code>find-lr/find-lr.json"
                                + "</code>.</figcaption></figure>\n");
            } catch (java.io.IOException e) {
                h.append("<p class=\"warn\">find-lr/find-lr.svg could not be read: ").append(escape(e.getMessage()))
                        .append("</p>\n");
            }
        }
        h.append("<h2>Summary</h2>\n").append(table(Report.summaryMarkdown(analysis, run)));
        h.append("<p>Tables for pandas: <code>summary.csv</code>, <code>curves.csv</code>.</p>\n");
        h.append("<h2>Spec</h2>\n<pre>").append(escape(Report.manifestJson(run))).append("</pre>\n");
        if (m != null) {
            h.append("<h2>Manifest</h2>\n<pre>").append(escape(String.join("\n",
                    "name: " + m.name(), "lrlab: " + m.lrlabVersion(), "git commit: " + m.gitCommit(),
                    "jvm: " + m.jvm(), "started: " + m.startedAt(), "ended: " + m.endedAt(),
                    "trials planned: " + m.trialsPlanned()))).append("</pre>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Turns the Markdown tables of summary.md into HTML tables (and its prose into paragraphs). */
    private static String table(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean inTable = false;
        boolean header = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|")) {
                if (line.startsWith("|---")) {
                    continue;
                }
                if (!inTable) {
                    out.append("<table>\n");
                    inTable = true;
                    header = true;
                }
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                out.append("<tr>");
                for (String c : cells) {
                    out.append(header ? "<th>" : "<td>").append(escape(c.trim())).append(header ? "</th>" : "</td>");
                }
                out.append("</tr>\n");
                header = false;
            } else {
                if (inTable) {
                    out.append("</table>\n");
                    inTable = false;
                }
                if (line.startsWith("## ")) {
                    out.append("<h3>").append(escape(line.substring(3))).append("</h3>\n");
                } else if (line.startsWith("- ")) {
                    out.append("<p class=\"warn\">").append(escape(line.substring(2))).append("</p>\n");
                } else if (!line.isBlank() && !line.startsWith("# ")) {
                    out.append("<p>").append(escape(line)).append("</p>\n");
                }
            }
        }
        if (inTable) {
            out.append("</table>\n");
        }
        return out.toString();
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
