/**
 * Asks for /api/health every 20 ms until `until` settles, over a real
 * connection, as a monitor would; answers each latency in milliseconds.
 */
export async function probeHealth(base: string, until: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  until.finally(() => {
    done = true;
  });
  await (await fetch(`${base}/api/health`)).arrayBuffer(); // a warm connection
  while (!done) {
    const start = performance.now();
    const response = await fetch(`${base}/api/health`);
    await response.arrayBuffer();
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

export const describeLatencies = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${latencies.length} health probes, slowest ${sorted.at(-1)?.toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms`;
};
