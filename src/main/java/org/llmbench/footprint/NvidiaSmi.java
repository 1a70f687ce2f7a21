package org.llmbench.footprint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * NVIDIA GPUs through {@code nvidia-smi} (no root needed): memory used on each device and, when the model's process is
 * known, by that process; power draw sampled and added up over the window (trapezoids between readings) into joules.
 * A fork of nvidia-smi costs tens of milliseconds of CPU, so it is asked every {@code every}-th tick only; its
 * {@code power.draw} is already an average over about a second.
 */
final class NvidiaSmi implements Meter {

    private static final long MIB = 1024L * 1024;

    private final Path executable;
    private final Long pid;
    private final int every;
    private int ticks;
    private String problem;
    private String powerProblem;
    private Long deviceAtLoad;
    private long devicePeak;
    private Long processAtLoad;
    private long processPeak;
    private String devices = "";
    private long lastNanos;
    private Double lastWatts;
    private double joules;
    private int powerReadings;

    /**
     * @param executable nvidia-smi (found on the PATH the run was given), or null when there is none
     * @param pid the model's process (a local server, or this JVM), or null when it is not known
     */
    NvidiaSmi(Path executable, Long pid, int every) {
        this.executable = executable;
        this.pid = pid;
        this.every = Math.max(1, every);
        problem = executable == null ? "no nvidia-smi on the PATH (no NVIDIA GPU, or its driver tools are not installed)" : null;
        read();
    }

    @Override
    public void sample() {
        if (++ticks % every == 0) {
            read();
        }
    }

    private void read() {
        if (problem != null) {
            return;
        }
        long now = System.nanoTime();
        try {
            Command.Output gpus = Command.run(List.of(executable.toString(), "--query-gpu=index,name,memory.used,power.draw",
                    "--format=csv,noheader,nounits"));
            if (gpus.exitCode() != 0) {
                problem = "nvidia-smi failed: " + gpus.firstLine();
                return;
            }
            long used = 0;
            double watts = 0;
            boolean power = true;
            StringBuilder names = new StringBuilder();
            for (String line : gpus.lines()) {
                String[] f = line.split("\\s*,\\s*");
                if (f.length < 4) {
                    continue;
                }
                names.append(names.length() == 0 ? "" : ", ").append(f[0]).append(": ").append(f[1]);
                used += mib(f[2]);
                Double w = number(f[3]);
                if (w == null) {
                    power = false;
                    powerProblem = "the GPU reports no power draw (" + f[3] + ")";
                } else {
                    watts += w;
                }
            }
            devices = names.toString();
            deviceAtLoad = deviceAtLoad == null ? used : deviceAtLoad;
            devicePeak = Math.max(devicePeak, used);
            if (power) {
                if (lastWatts != null) {
                    joules += (lastWatts + watts) / 2 * ((now - lastNanos) / 1e9);
                }
                lastWatts = watts;
                lastNanos = now;
                powerReadings++;
            }
            if (pid != null) {
                readProcess();
            }
        } catch (IOException | RuntimeException e) {
            problem = "nvidia-smi could not run: " + e.getMessage();
        }
    }

    private void readProcess() throws IOException {
        Command.Output apps = Command.run(List.of(executable.toString(), "--query-compute-apps=pid,used_memory",
                "--format=csv,noheader,nounits"));
        long used = 0;
        for (String line : apps.lines()) {
            String[] f = line.split("\\s*,\\s*");
            if (f.length >= 2 && f[0].equals(Long.toString(pid))) {
                used += mib(f[1]);
            }
        }
        processAtLoad = processAtLoad == null ? used : processAtLoad;
        processPeak = Math.max(processPeak, used);
    }

    private static long mib(String value) {
        Double d = number(value);
        return d == null ? 0 : Math.round(d * MIB);
    }

    private static Double number(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return null; // "[N/A]", "[Not Supported]"
        }
    }

    @Override
    public void finish(Readings out) {
        read();
        if (problem != null && deviceAtLoad == null) {
            out.noMemory(Sources.NVIDIA, problem);
            out.noEnergy(Sources.NVIDIA, problem);
            return;
        }
        if (pid != null && processAtLoad != null && processPeak > 0) {
            out.memory(Sources.NVIDIA_PROCESS, "GPU memory of process " + pid, processAtLoad, processPeak);
        }
        out.memory(Sources.NVIDIA_DEVICE, "GPU memory used on the device (every process) " + devices, deviceAtLoad, devicePeak);
        if (powerReadings >= 2) {
            out.energy(Sources.NVIDIA, "GPU power draw sampled " + powerReadings + " times (" + devices + ")", joules);
        } else {
            out.noEnergy(Sources.NVIDIA, powerProblem != null ? powerProblem : "fewer than two power readings in the window");
        }
    }
}
