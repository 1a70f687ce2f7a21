package org.llmbench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelGroupTest {

    @Test
    void aGroupIsItsSegmentValueAndParsesBack() {
        ModelGroup group = new ModelGroup(List.of("qwen3.5:0.8b", "llama3.2:1b"));
        assertThat(group.segmentValue()).isEqualTo("qwen3.5:0.8b,llama3.2:1b");
        assertThat(ModelGroup.parse(group.segmentValue())).isEqualTo(group);
        assertThat(group.isGroup()).isTrue();
        assertThat(ModelGroup.isGroup(group.segmentValue())).isTrue();
        assertThat(ModelGroup.parse("mock").isGroup()).isFalse();
        assertThat(ModelGroup.isGroup("mock:slow:20")).isFalse();
        assertThat(ModelGroup.parse("mock").models()).containsExactly("mock");
    }

    @Test
    void aMemberHoldingTheSeparatorIsRefused() {
        assertThatThrownBy(() -> new ModelGroup(List.of("a,b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
