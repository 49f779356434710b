package dev.bakongpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IDE completion and the README describe the same bakongpay.* properties. */
class BakongPayPropertiesMetadataTest {
    private static final Pattern README_ROW =
            Pattern.compile("^\\| `(bakongpay\\.[a-z.-]+)(?:\\.<key>)?` \\|", Pattern.MULTILINE);

    @Test
    @DisplayName("the generated metadata describes every property, and the README's table lists exactly those")
    void metadataMatchesReadme() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> described = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            assertThat(property.path("description").asText())
                    .as(property.get("name").asText())
                    .isNotBlank();
            described.add(property.get("name").asText());
        }
        Matcher rows = README_ROW.matcher(Files.readString(Path.of("README.md")));
        List<String> documented = new ArrayList<>();
        while (rows.find()) documented.add(rows.group(1));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(described);
    }
}
