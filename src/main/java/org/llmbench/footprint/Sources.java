package org.llmbench.footprint;

/** The names of the footprint's sources as the record writes them (one name per source). */
final class Sources {

    static final String PROCESS_RSS = "process_rss";
    static final String SELF_RSS_GROWTH = "self_rss_growth";
    static final String OLLAMA_PS = "ollama_ps";
    static final String OLLAMA_PS_VRAM = "ollama_ps_vram";
    static final String NVIDIA_PROCESS = "nvidia_smi_process";
    static final String NVIDIA_DEVICE = "nvidia_smi_device";
    static final String NVIDIA = "nvidia_smi";
    static final String KV_CACHE = "kv_cache_estimate";
    static final String LLAMA_CONTEXT = "llama_context";
    static final String RAPL = "rapl";
    static final String POWERMETRICS = "powermetrics";
    /** Energy as a whole, when no counter applies (a remote server). */
    static final String ENERGY = "energy";
    /** Memory as a whole, when no source applies (a mock model). */
    static final String MEMORY = "memory";

    private Sources() {
    }
}
