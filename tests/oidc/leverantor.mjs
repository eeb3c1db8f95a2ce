// OIDC-leverantör för webbläsartesterna av inloggningen (st.login): en riktig
// oidc-provider på loopback i stället för en attrapp, så att Streamlits och
// Authlibs hela flöde körs (discovery, authorization code + PKCE S256,
// client_secret_basic, signerad ID-token, RP-initierad utloggning).
//
//   npm ci --prefix tests/oidc
//   node tests/oidc/leverantor.mjs --port 8001 --klient-id nyckeltal \
//     --klient-hemlighet hemligt --redirect-uri http://127.0.0.1:8501/oauth2callback \
//     [--redirect-uri ...]
//
// Skriver en rad "redo http://127.0.0.1:<port>" på stdout när den lyssnar
// (utgivaren = issuer; discovery på <issuer>/.well-known/openid-configuration).
// Avslutas (kod 0) på SIGTERM/SIGINT. Allt ligger i minnet: en omstart glömmer
// sessioner. På stderr skriver oidc-provider några varningar (Node 20 är inte
// "supported runtime", minnesadapter, devInteractions); de är väntade.
//
// Inloggningsformuläret (oidc-providers devInteractions): fälten
// input[name="login"] och input[name="password"], knappen button[type="submit"]
// ("Sign-in"). Vilket inloggningsnamn som helst godtas, med vilket lösenord som
// helst. Samtycke ges automatiskt (ingen samtyckessida). Utloggningen bekräftas
// automatiskt och skickar tillbaka till post_logout_redirect_uri.
//
// Anspråk i ID-token för inloggningsnamnet <namn>: sub=<namn>,
// email=<namn>@boras.se, email_verified=true, name=<Namn>,
// preferred_username=<namn>@boras.se, groups=["nyckeltal-redaktorer"] om namnet
// börjar med "redaktor", annars [].

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

import Provider, { interactionPolicy } from 'oidc-provider';

const { values: arg } = parseArgs({
  options: {
    port: { type: 'string' },
    'klient-id': { type: 'string' },
    'klient-hemlighet': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
  },
});
if (!arg.port || !arg['klient-id'] || !arg['klient-hemlighet'] || !arg['redirect-uri']) {
  console.error('användning: leverantor.mjs --port P --klient-id ID --klient-hemlighet S --redirect-uri URI [--redirect-uri URI ...]');
  process.exit(2);
}
const utgivare = `http://127.0.0.1:${arg.port}`;

// Streamlit skickar alltid prompt=select_account, som oidc-provider annars
// avvisar ("unsupported prompt value requested"). Vi tar emot värdet och låter
// det betyda "visa inloggningsformuläret igen", så att ett test kan byta
// användare utan att först logga ut hos leverantören.
const policy = interactionPolicy.base();
policy.get('login').checks.add(new interactionPolicy.Check(
  'select_account_prompt',
  'kontoval begärt',
  'login_required',
  (ctx) => ctx.oidc.prompts.has('select_account') && !ctx.oidc.result?.login,
));
const kontoval = new interactionPolicy.Prompt({ name: 'select_account', requestable: true });
kontoval.checks.clear(); // hanteras av login-kontrollen ovan
policy.add(kontoval);

function anspråk(namn) {
  const epost = `${namn}@boras.se`;
  return {
    sub: namn,
    email: epost,
    email_verified: true,
    name: namn.charAt(0).toUpperCase() + namn.slice(1),
    preferred_username: epost,
    groups: namn.startsWith('redaktor') ? ['nyckeltal-redaktorer'] : [],
  };
}

// En egen nyckel per körning, i stället för oidc-providers kända utvecklingsnyckel.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const leverantör = new Provider(utgivare, {
  clients: [{
    client_id: arg['klient-id'],
    client_secret: arg['klient-hemlighet'],
    redirect_uris: arg['redirect-uri'],
    // Streamlits utloggning skickar redirect_uri (/oauth2callback) som
    // post_logout_redirect_uri.
    post_logout_redirect_uris: arg['redirect-uri'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic', // Authlibs standard
  }],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // groups ligger även i profile, eftersom Streamlit som standard bara begär
  // "openid email profile"; ett eget groups-scope fungerar också.
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username', 'groups'],
    groups: ['groups'],
  },
  // Streamlit läser st.user ur ID-tokens anspråk (inte ur userinfo); med
  // standardvärdet true hamnar scope-anspråken bara i userinfo i code-flödet.
  conformIdTokenClaims: false,
  findAccount: (ctx, id) => ({ accountId: id, claims: () => anspråk(id) }),
  interactions: { policy },
  // Automatiskt samtycke: ett färdigt grant för de begärda scopen.
  async loadExistingGrant(ctx) {
    const { oidc } = ctx;
    const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
    const befintligt = grantId && await oidc.provider.Grant.find(grantId);
    if (befintligt) return befintligt;
    const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
    grant.addOIDCScope([...oidc.requestParamScopes].join(' '));
    await grant.save();
    return grant;
  },
  // Streamlit skickar alltid S256 när det annonseras; kräv det så att ett
  // test fallerar om PKCE slutar fungera.
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Bekräfta utloggningen direkt; standardsidan kräver ett klick.
      logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Loggar ut</title></head>
<body>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Logga ut</button>
<script>var f=document.getElementById('op.logoutForm');var i=document.createElement('input');
i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();</script></body></html>`;
      },
    },
  },
});

const server = leverantör.listen(Number(arg.port), '127.0.0.1', () => {
  console.log(`redo ${utgivare}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
