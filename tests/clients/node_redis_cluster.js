// node-redis createCluster against the sandbox. Usage: node node_redis_cluster.js HOST:PORT...
const { createCluster } = require('redis');

async function main() {
  const cluster = createCluster({
    rootNodes: process.argv.slice(2).map((address) => ({ url: `redis://${address}` })),
  });
  cluster.on('error', (error) => console.error(`error: ${error.message}`));
  await cluster.connect();
  await cluster.set('foo', 'bar');
  console.log(await cluster.get('foo'));
  console.log(cluster.masters.length);
  await cluster.close();
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
