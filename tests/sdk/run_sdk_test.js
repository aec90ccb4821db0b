// Drives the gctq emulator with the official Genesys Cloud JavaScript SDK (purecloud-platform-client-v2,
// pinned in package.json). Usage: node run_sdk_test.js <path to gctq>. Exits non-zero on any failure.
'use strict';

const { spawn } = require('child_process');
const http = require('http');
const path = require('path');

const gctq = process.argv[2];
const sdkDir = path.join(__dirname, 'node_modules', 'purecloud-platform-client-v2');
let platformClient;
try {
  platformClient = require(sdkDir);
} catch (error) {
  // In CI the SDK must be there (scripts/test.sh installs it): a missing SDK is a failure, not a skip.
  console.log('SKIP: node_modules is absent; run `npm ci` in tests/sdk (scripts/test.sh does)');
  process.exit(process.env.CI ? 1 : 77);
}

function startEmulator() {
  return new Promise((resolve, reject) => {
    const child = spawn(gctq, ['emulator', '--port', '0', '--conversations', '300', '--days', '7', '--seed', '7'],
                        { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error('emulator did not print its URL in 120 s')), 120000);
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:(\d+))/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1], port: Number(match[2]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`emulator exited early with ${code}`)));
  });
}

function fetchUrl(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    }).on('error', reject);
  });
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function run(port) {
  const client = platformClient.ApiClient.instance;
  client.setGateway({ host: '127.0.0.1', protocol: 'http', port });
  await client.loginClientCredentialsGrant('gctq-demo-client', 'gctq-demo-secret');
  const analytics = new platformClient.AnalyticsApi();
  const sta = new platformClient.SpeechTextAnalyticsApi();

  const end = new Date();
  const start = new Date(end.getTime() - 6 * 86400000);
  const query = await analytics.postAnalyticsConversationsDetailsQuery({
    interval: `${start.toISOString()}/${end.toISOString()}`,
    order: 'asc',
    orderBy: 'conversationStart',
    paging: { pageSize: 100, pageNumber: 1 },
    segmentFilters: [{ type: 'and', predicates: [{ dimension: 'mediaType', value: 'voice' }] }],
  });
  check(query.totalHits > 0 && query.conversations.length > 0, 'details query returned nothing');
  console.log(`details query: totalHits ${query.totalHits}, page of ${query.conversations.length}`);

  for (const conversation of query.conversations) {
    if (!conversation.conversationEnd) continue;
    let metrics;
    try {
      metrics = await sta.getSpeechandtextanalyticsConversation(conversation.conversationId);
    } catch (error) {
      if (error.status === 404) continue;
      throw error;
    }
    check(typeof metrics.sentimentScore === 'number', 'sentimentScore is not a number');
    const customer = conversation.participants.find((p) => p.purpose === 'customer');
    const session = customer.sessions.find((s) => s.mediaType === 'voice');
    let transcriptUrl;
    try {
      transcriptUrl = await sta.getSpeechandtextanalyticsConversationCommunicationTranscripturl(
          conversation.conversationId, session.sessionId);
    } catch (error) {
      if (error.status === 404) continue;
      throw error;
    }
    const document = await fetchUrl(transcriptUrl.url);
    check(document.status === 200, `transcript URL answered ${document.status}`);
    const transcript = JSON.parse(document.body);
    check(transcript.conversationId === conversation.conversationId, 'transcript of another conversation');
    check(Array.isArray(transcript.transcripts[0].phrases), 'transcript without phrases');
    console.log(`STA + transcript OK for ${conversation.conversationId} (sentiment ${metrics.sentimentScore})`);
    return;
  }
  throw new Error('no conversation with STA metrics and a transcript in the first page');
}

(async () => {
  let emulator;
  let failed = false;
  try {
    emulator = await startEmulator();
    await run(emulator.port);
    console.log('SDK conformance: PASS');
  } catch (error) {
    failed = true;
    console.error('SDK conformance: FAIL:', error && (error.stack || JSON.stringify(error)));
  } finally {
    if (emulator) {
      emulator.child.removeAllListeners('exit');
      emulator.child.kill('SIGINT');
    }
  }
  process.exit(failed ? 1 : 0);
})();
