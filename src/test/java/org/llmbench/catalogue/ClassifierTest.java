package org.llmbench.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.json.Json;
import org.llmbench.record.Hardware;

/** Device classes and quantizations as the catalogue reads them from hardware.json, model details and model names. */
class ClassifierTest {

    private static Hardware machine(String cpu, String os, String arch, Hardware.Gpu... gpus) {
        return new Hardware(new Hardware.Cpu(cpu, null, null, arch), new Hardware.Memory(16.0, null), null, List.of(gpus),
                new Hardware.Os(os, null, arch), null);
    }

    @Test
    void deviceClasses() {
        assertThat(DeviceClass.of(machine("Apple M2 Pro", "macOS", "aarch64"))).isEqualTo(DeviceClass.UNIFIED_MEMORY);
        assertThat(DeviceClass.of(machine("", "macOS", "arm64"))).isEqualTo(DeviceClass.UNIFIED_MEMORY);
        assertThat(DeviceClass.of(machine("AMD RYZEN AI MAX+ 395 w/ Radeon 8060S", "Linux", "amd64"))).isEqualTo(DeviceClass.UNIFIED_MEMORY);
        assertThat(DeviceClass.of(machine("AMD Ryzen 7", "Linux", "amd64",
                new Hardware.Gpu("NVIDIA GeForce RTX 4090", "NVIDIA", null, null)))).isEqualTo(DeviceClass.DISCRETE_GPU);
        assertThat(DeviceClass.of(machine("x", "Linux", "amd64", new Hardware.Gpu("Some card", null, 8L << 30, null))))
                .isEqualTo(DeviceClass.DISCRETE_GPU);
        // An integrated GPU's "VRAM" is main memory; a small unnamed adapter is no graphics card.
        assertThat(DeviceClass.of(machine("Intel Core i7", "Windows", "amd64",
                new Hardware.Gpu("Intel(R) Iris(R) Xe Graphics", "Intel", 4L << 30, null)))).isEqualTo(DeviceClass.CPU);
        assertThat(DeviceClass.of(machine("x", "Linux", "amd64", new Hardware.Gpu("Matrox G200", null, 16L << 20, null))))
                .isEqualTo(DeviceClass.CPU);
        assertThat(DeviceClass.of(null)).isEqualTo(DeviceClass.CPU);
    }

    @Test
    void quantizationFromDetailsThenName() throws Exception {
        assertThat(Quantization.of("qwen2.5:0.5b", Json.MAPPER.readTree("{\"details\":{\"quantization_level\":\"Q4_K_M\"}}")))
                .isEqualTo("Q4_K_M");
        assertThat(Quantization.of("x.gguf", Json.MAPPER.readTree("{\"file_type\":\"7\"}"))).isEqualTo("Q8_0");
        assertThat(Quantization.of("x.gguf", Json.MAPPER.readTree("{\"file_type\":15}"))).isEqualTo("Q4_K_M");
        assertThat(Quantization.of("qwen2.5:0.5b-instruct-q4_K_M", null)).isEqualTo("Q4_K_M");
        assertThat(Quantization.of("/models/Qwen3-0.6B-Q8_0.gguf", null)).isEqualTo("Q8_0");
        assertThat(Quantization.of("hf.co/x/Llama-3-8B-IQ4_XS", null)).isEqualTo("IQ4_XS");
        assertThat(Quantization.of("Qwen/Qwen2.5-7B-Instruct-AWQ", null)).isEqualTo("AWQ");
        assertThat(Quantization.of("gemma3:4b-it-fp16", null)).isEqualTo("FP16");
        assertThat(Quantization.of("mlx-community/Llama-3.2-3B-4bit", null)).isEqualTo("4BIT");
        // Not a quantization: sizes, versions, plain names.
        assertThat(Quantization.of("qwen2.5:0.5b", null)).isNull();
        assertThat(Quantization.of("llama3.2:1b", null)).isNull();
        assertThat(Quantization.of("mock", Json.MAPPER.readTree("{\"listed\":false}"))).isNull();
    }
}
