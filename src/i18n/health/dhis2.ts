// Messages of a pull from a DHIS2 server, one per failure code (domain/health/dhis2-pull.ts),
// and the line that repeats DHIS2's own explanation when it gave one. `{url}` is the server's
// base URL; no message ever shows a credential, only the name of the variable that holds it
// (the message for an address with credentials in it does not repeat the address).
import type { Dhis2PullCode } from "../../domain/health/dhis2-pull.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { fillMessage } from "../../domain/shared/message.ts";

export type Dhis2MessageKey = Dhis2PullCode | "dhis2_detail";

export const fr: Record<Dhis2MessageKey, string> = {
  dhis2_url_invalid: "L’adresse du serveur DHIS2 n’est pas une adresse web : {url}",
  dhis2_url_scheme:
    "L’adresse du serveur DHIS2 doit commencer par http:// ou https:// (reçu : {url}).",
  dhis2_url_credentials:
    "L’adresse du serveur DHIS2 contient un nom d’utilisateur ou un mot de passe : retirez-les et placez-les dans les variables d’environnement.",
  dhis2_redirect_refused:
    "Le serveur {url} renvoie vers un autre site : Jalon ne le suit pas, pour ne pas lui transmettre les identifiants. Indiquez l’adresse finale du serveur.",
  dhis2_redirect_loop: "Le serveur {url} renvoie de page en page sans répondre.",
  dhis2_unauthorized:
    "Le serveur {url} refuse les identifiants (jeton ou nom d’utilisateur et mot de passe) : vérifiez-les.",
  dhis2_forbidden: "Le compte utilisé n’a pas accès à ces données sur {url}.",
  dhis2_not_found:
    "Rien à cette adresse sur {url} : l’adresse est erronée, ou ce n’est pas un serveur DHIS2.",
  dhis2_rejected: "Le serveur {url} refuse la demande (code HTTP {status}).",
  dhis2_server_error:
    "Le serveur {url} est en erreur (code HTTP {status}), même après plusieurs essais. Réessayez plus tard.",
  dhis2_timeout: "Le serveur {url} ne répond plus, même après plusieurs essais.",
  dhis2_network: "Impossible de joindre le serveur {url}, même après plusieurs essais.",
  dhis2_unexpected_response:
    "La réponse de {url} n’est pas celle d’un serveur DHIS2 (une page de connexion ou d’erreur ?).",
  dhis2_credentials_missing:
    "La variable d’environnement {variable} n’est pas définie : elle doit contenir l’identifiant de connexion au serveur DHIS2.",
  dhis2_periods_invalid:
    "Les périodes demandées ne sont ni des périodes DHIS2 (202201, 2022Q1…) ni une période relative connue (LAST_12_MONTHS…).",
  dhis2_since_invalid: "La date « depuis » doit être une date ISO (2024-03-01) : {value}",
  dhis2_detail: "Réponse de DHIS2 : {message}",
};

export const en: Record<Dhis2MessageKey, string> = {
  dhis2_url_invalid: "The DHIS2 server address is not a web address: {url}",
  dhis2_url_scheme: "The DHIS2 server address must start with http:// or https:// (given: {url}).",
  dhis2_url_credentials:
    "The DHIS2 server address holds a user name or password: remove them and put them in the environment variables.",
  dhis2_redirect_refused:
    "The server {url} redirects to another site: Jalon does not follow, so as not to hand it the credentials. Give the server's final address.",
  dhis2_redirect_loop: "The server {url} redirects from page to page without answering.",
  dhis2_unauthorized:
    "The server {url} refuses the credentials (token, or user name and password): check them.",
  dhis2_forbidden: "The account used may not read this data on {url}.",
  dhis2_not_found:
    "Nothing at this address on {url}: the address is wrong, or it is not a DHIS2 server.",
  dhis2_rejected: "The server {url} refuses the request (HTTP code {status}).",
  dhis2_server_error:
    "The server {url} is failing (HTTP code {status}), even after several tries. Try again later.",
  dhis2_timeout: "The server {url} stopped answering, even after several tries.",
  dhis2_network: "The server {url} cannot be reached, even after several tries.",
  dhis2_unexpected_response:
    "The answer from {url} is not a DHIS2 server's (a sign-in or error page?).",
  dhis2_credentials_missing:
    "The environment variable {variable} is not set: it must hold the credential for the DHIS2 server.",
  dhis2_periods_invalid:
    "The periods asked are neither DHIS2 periods (202201, 2022Q1…) nor a known relative period (LAST_12_MONTHS…).",
  dhis2_since_invalid: "The “since” date must be an ISO date (2024-03-01): {value}",
  dhis2_detail: "DHIS2 says: {message}",
};

export const DHIS2_CATALOGUES: Record<Lang, Record<Dhis2MessageKey, string>> = { fr, en };

/** A pull failure in words: its code's message, then DHIS2's explanation when it gave one. */
export function dhis2Message(
  lang: Lang,
  code: Dhis2PullCode,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const catalogue = DHIS2_CATALOGUES[lang];
  const text = fillMessage(lang, catalogue[code], { ...params });
  return typeof params.message === "string" && params.message !== ""
    ? `${text} ${fillMessage(lang, catalogue.dhis2_detail, { message: params.message })}`
    : text;
}
