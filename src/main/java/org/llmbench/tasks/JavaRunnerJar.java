package org.llmbench.tasks;

/**
 * The runner, compiled once per harness process by the JDK's own compiler (the child runs the same JDK) and
 * packed as a jar, in base64 because the sandbox writes text files. The model's code is never compiled with it,
 * so nothing it declares can change what the runner's names mean, and javac in the child compiles two small
 * files instead of three.
 */
final class JavaRunnerJar {

    static final String BASE64 = compile();

    private JavaRunnerJar() {
    }

    private static String compile() {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("Java answers need a JDK: this runtime has no Java compiler");
        }
        java.nio.file.Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("llm-bench-runner-");
            java.nio.file.Path source = dir.resolve("src").resolve(JavaHarness.RUNNER);
            java.nio.file.Files.createDirectories(source.getParent());
            java.nio.file.Files.writeString(source, JavaRunnerSource.TEXT);
            java.nio.file.Path out = dir.resolve("out");
            java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
            int rc = javac.run(null, messages, messages, "-proc:none", "-nowarn", "-encoding", "UTF-8", "-d", out.toString(),
                    source.toString());
            if (rc != 0) {
                throw new IllegalStateException("the Java runner does not compile: " + messages);
            }
            java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(jar);
                 var classes = java.nio.file.Files.walk(out)) {
                for (java.nio.file.Path f : classes.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(out.relativize(f).toString().replace('\\', '/')));
                    zip.write(java.nio.file.Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
            return java.util.Base64.getMimeEncoder(76, new byte[]{'\n'}).encodeToString(jar.toByteArray()) + "\n";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot compile the Java runner", e);
        } finally {
            if (dir != null) {
                TempDirs.delete(dir);
            }
        }
    }
}
