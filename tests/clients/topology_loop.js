// The SET/GET loop the node clients run while a topology change happens (see the *_topology_loop.js
// scripts): rounds over 1,000 keys until a line (or EOF) arrives on stdin, then every key is read
// back; one JSON line reports keys that differ from their last written value, the requests that
// failed (each was retried) and the node the client now sends `slot` to.
const KEYS = Array.from({ length: 1000 }, (_, index) => `loop:${index}`);
const ATTEMPTS = 100;

async function runLoop(client, errors) {
  let stop = false;
  process.stdin.once('data', () => { stop = true; });
  process.stdin.once('end', () => { stop = true; });
  const retried = async (call) => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        errors.push(error.message);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`failed ${ATTEMPTS} times: ${errors[errors.length - 1]}`);
  };
  const last = new Map();
  let mismatches = 0;
  let rounds = 0;
  while (!stop) {
    rounds += 1;
    for (const key of KEYS) {
      const value = `${rounds}:${key}`;
      await retried(() => client.set(key, value));
      last.set(key, value);
      if ((await retried(() => client.get(key))) !== value) mismatches += 1;
    }
    if (rounds === 1) console.log('ready');
  }
  for (const key of KEYS) {
    if ((await retried(() => client.get(key))) !== last.get(key)) mismatches += 1;
  }
  console.log(JSON.stringify({
    rounds,
    mismatches,
    errors: errors.length,
    first_errors: errors.slice(0, 3),
    owner: client.owner(),
  }));
  process.stdin.destroy();
}

function fail(error) {
  console.error(`error: ${error.message}`);
  process.exit(1);
}

module.exports = { runLoop, fail };
