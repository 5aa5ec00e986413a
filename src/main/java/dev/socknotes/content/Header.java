package dev.socknotes.content;

import java.time.LocalDate;
import java.util.Map;

/**
 * A page's parsed and validated header.
 *
 * @param title     plain text
 * @param date      the date header
 * @param order     reading order
 * @param summary   may be empty
 * @param draft     status=draft
 * @param topicKey  the pairing key (topic header or file name)
 * @param sysctls   namespace-local kernel settings, in declaration order
 * @param needsSandbox the topic declared {@code sandbox=required}
 * @param bodyStart char offset of the first body character in the file
 * @param bodyLine  1-based line where the body starts
 */
public record Header(String title, LocalDate date, int order, String summary, boolean draft,
                     String topicKey, Map<String, String> sysctls, boolean needsSandbox, int bodyStart, int bodyLine) {}
