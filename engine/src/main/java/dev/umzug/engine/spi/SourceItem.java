package dev.umzug.engine.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object read from a source.
 *
 * @param object the object as read; the source hands it over and does not keep it
 * @param location where it came from, e.g. {@code app/web.yaml#2} or {@code app/list.yaml#0[3]}
 */
public record SourceItem(ObjectNode object, String location) {}
