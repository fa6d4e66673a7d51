// node-redis createCluster in the topology-change loop of topology_loop.js.
// Usage: node node_redis_topology_loop.js STOP_FILE SLOT HOST:PORT...
const { createCluster } = require('redis');
const { runLoop, fail } = require('./topology_loop');

async function main() {
  const [stopFile, slotArg] = process.argv.slice(2, 4);
  const slot = Number(slotArg);
  const cluster = createCluster({
    rootNodes: process.argv.slice(4).map((address) => ({ url: `redis://${address}` })),
  });
  // Connection events are reported by the commands that fail (counted by the loop).
  cluster.on('error', () => {});
  await cluster.connect();
  await runLoop(stopFile, {
    set: (key, value) => cluster.set(key, value),
    get: (key) => cluster.get(key),
    owner: () => `${cluster.slots[slot].master.host}:${cluster.slots[slot].master.port}`,
  });
  await cluster.close();
}

main().catch(fail);
