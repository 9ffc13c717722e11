// A Unix-socket forwarder between the wizard and the real helper, for tests of what the wizard
// does when the link misbehaves. It passes every byte the wizard sends on unchanged and every
// frame the helper sends, and records both; on request it cuts the connection that follows a
// plan (in the middle of a frame, with a `timeout` error, or by going away altogether), lets it
// go silent, stops and starts listening, or changes the helper's frames. The helper behind it
// is the real one: only the link between the two is made to fail.
import { rmSync } from 'node:fs';
import net from 'node:net';
import { FrameDecoder, encodeFrame, type FrameObject } from '../../../shared/protocol/frame-codec';

/**
 * How the connection that follows a plan is cut:
 * - `mid-frame`: half of the next frame, then the connection ends;
 * - `timeout-error`: an `error` frame with code `timeout` instead of the next frame, then the end
 *   (what a helper says when it closes a connection it counts as idle, docs/protocol.md §2);
 * - `go-away`: the connection drops and nothing listens any more until `comeBack()`;
 * - `stall`: the connection stays open but nothing more of the helper's reaches the wizard.
 */
export type Cut = 'mid-frame' | 'timeout-error' | 'go-away' | 'stall';

interface Link {
  readonly wizard: net.Socket;
  readonly helper: net.Socket;
}

export class HelperProxy {
  /** Every frame the wizard sent, in order. */
  readonly fromWizard: FrameObject[] = [];
  /** Every frame the helper sent, in order, as it sent them (before any rewrite). */
  readonly fromHelper: FrameObject[] = [];
  /** Connections the wizard opened. */
  connections = 0;
  private server: net.Server | null = null;
  private readonly links = new Set<Link>();
  private planCut: { readonly afterFrames: number; readonly how: Cut } | null = null;
  private silent = false;
  private rewrite: (frame: FrameObject) => FrameObject = (frame) => frame;

  private constructor(
    /** Where the wizard connects. */
    readonly path: string,
    /** The helper's socket. */
    private readonly target: string,
  ) {}

  static async start(path: string, target: string): Promise<HelperProxy> {
    const proxy = new HelperProxy(path, target);
    await proxy.comeBack();
    return proxy;
  }

  /** On the connection where the wizard next sends `plan`: `afterFrames` helper frames pass, then the cut. */
  cutPlanConnection(afterFrames: number, how: Cut): void {
    this.planCut = { afterFrames, how };
  }

  /** Connections opened from now on get nothing from the helper: a link that stalls. */
  silenceNewConnections(): void {
    this.silent = true;
  }

  /** Changes each helper frame before the wizard gets it. */
  rewriteHelperFrames(rewrite: (frame: FrameObject) => FrameObject): void {
    this.rewrite = rewrite;
  }

  /** Stops listening and drops every connection; the helper carries on. */
  goAway(): void {
    this.server?.close();
    this.server = null;
    rmSync(this.path, { force: true });
    for (const link of this.links) {
      link.wizard.destroy();
      link.helper.destroy();
    }
  }

  /** Listens (again). */
  async comeBack(): Promise<void> {
    rmSync(this.path, { force: true });
    const server = net.createServer((wizard) => this.accept(wizard));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.path, resolve);
    });
    this.server = server;
  }

  close(): void {
    this.goAway();
  }

  private accept(wizard: net.Socket): void {
    this.connections++;
    const helper = net.connect(this.target);
    const link: Link = { wizard, helper };
    this.links.add(link);
    let cut: { readonly afterFrames: number; readonly how: Cut } | null = null;
    let passed = 0;
    let silent = this.silent;

    const wizardFrames = new FrameDecoder();
    wizard.on('data', (chunk: Buffer) => {
      helper.write(chunk);
      for (const event of wizardFrames.push(new Uint8Array(chunk))) {
        if (event.kind !== 'frame') continue;
        this.fromWizard.push(event.frame);
        if (event.frame.type === 'plan' && this.planCut) {
          cut = this.planCut;
          this.planCut = null;
        }
      }
    });

    const helperFrames = new FrameDecoder();
    helper.on('data', (chunk: Buffer) => {
      for (const event of helperFrames.push(new Uint8Array(chunk))) {
        if (event.kind !== 'frame') return void wizard.destroy();
        this.fromHelper.push(event.frame);
        if (silent) continue;
        const bytes = encodeFrame(this.rewrite(event.frame));
        if (cut && passed === cut.afterFrames) {
          if (cut.how === 'stall') {
            silent = true;
            continue;
          }
          helper.destroy();
          if (cut.how === 'go-away') return this.goAway();
          wizard.end(
            cut.how === 'mid-frame'
              ? bytes.subarray(0, Math.floor(bytes.length / 2))
              : encodeFrame({ type: 'error', code: 'timeout', message: 'no complete frame for 30000 ms' }),
          );
          return;
        }
        if (cut) passed++;
        wizard.write(bytes);
      }
    });

    // Either side hanging up ends the other; what was passed on is still delivered first.
    wizard.on('end', () => helper.end());
    helper.on('end', () => wizard.end());
    wizard.on('close', () => {
      helper.destroy();
      this.links.delete(link);
    });
    helper.on('close', () => wizard.end());
    wizard.on('error', () => helper.destroy());
    helper.on('error', () => wizard.destroy()); // nothing listens: the wizard sees the connection fail
  }
}
