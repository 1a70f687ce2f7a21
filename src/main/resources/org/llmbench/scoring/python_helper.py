# llm-bench's long-lived helper (scoring.PythonCompiler). Model text only ever goes to compile() and ast.parse():
# nothing of it is executed. Frames: "LENGTH\n" + bytes -> compile; "S ENTRY LENGTH\n" + bytes -> EvalPlus's
# sanitize reproduced on Python's own parser. Answers one line: "ok", "ok <base64 of the UTF-8 code>" or "error <line>".
import ast, base64, re, sys, traceback, warnings
warnings.simplefilter('ignore')
sys.setrecursionlimit(3000)
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
except Exception:
    pass

ANSI = re.compile(r"\x1B(?:[@-Z\\-_]|\[[0-?]*[ -/]*[@-~])")


def valid(code):
    # EvalPlus's syntax_check: ast.parse, SyntaxError/MemoryError mean "no"; other parser errors mean no too.
    try:
        ast.parse(code)
        return True
    except (SyntaxError, MemoryError, ValueError, RecursionError, OverflowError):
        return False


def code_extract(text):
    # The longest stretch of two or more lines (counted in non-blank lines) that parses; on a tie the first pair
    # (i, then j) found, as EvalPlus's double loop keeps it; nothing valid: the first line. Searched from the
    # longest j down with bounds, which finds the same pair without trying every one.
    lines = ANSI.sub("", text).split("\n")
    n = len(lines)
    blank = [0 if l.strip() else 1 for l in lines]
    before = [0] * (n + 1)
    for k in range(n):
        before[k + 1] = before[k] + (1 - blank[k])
    best, pair = 0, (0, 0)
    for i in range(n):
        if before[n] - before[i] <= best:
            break
        for j in range(n - 1, i, -1):
            count = before[j + 1] - before[i]
            if count <= best:
                break
            if valid("\n".join(lines[i:j + 1])):
                first = j
                while first - 1 > i and before[first] - before[i] == count:
                    first -= 1
                for k in range(first, j + 1):
                    if valid("\n".join(lines[i:k + 1])):
                        best, pair = count, (i, k)
                        break
                break
    return "\n".join(lines[pair[0]:pair[1] + 1])


def identifiers(node):
    names = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            names.add(n.id)
        elif isinstance(n, ast.Attribute):
            names.add(n.attr)
        elif isinstance(n, ast.arg):
            names.add(n.arg)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(n.name)
        elif isinstance(n, ast.keyword) and n.arg:
            names.add(n.arg)
        elif isinstance(n, ast.alias):
            names.update(n.name.split("."))
            if n.asname:
                names.add(n.asname)
        elif isinstance(n, (ast.Global, ast.Nonlocal)):
            names.update(n.names)
        elif isinstance(n, ast.ExceptHandler) and n.name:
            names.add(n.name)
    return names


def assigned_name(stmt):
    # The first identifier among the assignment's own children, as tree-sitter lists them (left, [type], right).
    if isinstance(stmt, ast.Assign):
        parts = [stmt.targets[0]] + ([stmt.value] if len(stmt.targets) == 1 else [])
    else:
        parts = [stmt.target, stmt.annotation] + ([stmt.value] if stmt.value is not None else [])
    for p in parts:
        if isinstance(p, ast.Name):
            return p.id
    return None


def sanitize(code, entry):
    extracted = code_extract(code)
    try:
        tree = ast.parse(extracted)
    except Exception:
        tree = None
    imports, definitions = [], []
    taken = set()
    for node in (tree.body if tree else []):
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and node.module != "__future__"):
            imports.append(node)
        elif isinstance(node, ast.ClassDef) and not node.decorator_list:
            if node.name not in taken:
                definitions.append((node.name, node))
                taken.add(node.name)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.decorator_list:
            if node.name not in taken and any(isinstance(n, ast.Return) for n in ast.walk(node)):
                definitions.append((node.name, node))
                taken.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            name = assigned_name(node)
            if name not in taken:
                definitions.append((name, node))
                taken.add(name)
    deps = {name: identifiers(node) for name, node in definitions}
    reachable, queue = {entry}, [entry]
    while queue:
        current = queue.pop(0)
        for d in deps.get(current, ()):
            if d not in reachable:
                reachable.add(d)
                queue.append(d)
    out = [ast.get_source_segment(extracted, n) for n in imports]
    out += [ast.get_source_segment(extracted, n) for name, n in definitions if name in reachable]
    result = "\n".join(s for s in out if s is not None).strip()
    return result if result else code_extract(code)


src, out = sys.stdin.buffer, sys.stdout
while True:
    header = src.readline()
    if not header:
        break
    parts = header.split()
    data = src.read(int(parts[-1])).decode('utf-8', 'replace')
    try:
        if parts[0] == b'S':
            kept = sanitize(data, parts[1].decode('ascii')).encode('utf-8', 'replace')
            out.write('ok ' + base64.b64encode(kept).decode('ascii') + '\n')
        else:
            compile(data, '<answer>', 'exec', dont_inherit=True)
            out.write('ok\n')
    except BaseException as e:
        line = traceback.format_exception_only(type(e), e)[-1].strip()
        out.write('error ' + ' '.join(line.split()) + '\n')
    out.flush()
