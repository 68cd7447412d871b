import type { lineLinkEn } from './line-link.en';

/** Norsk bokmål: «Koble til linjen» – linjen publisert til fabrikkens verktøy (OPC UA, MQTT). */
export const lineLinkNb: Record<keyof typeof lineLinkEn, string> = {
  'link.heading': 'Koble til linjen',
  'link.intro': 'Publiser linjen til gatewayen, slik at en OPC UA-klient (UaExpert), MQTT Explorer eller Node-RED kan lese den og sende PackML-kommandoer tilbake. Start gatewayen med npm run gateway. Ingenting forlater nettleseren så lenge dette er av.',
  'link.switch': 'Koble linjen til gatewayen',
  'link.address': 'Meglerens adresse (MQTT over WebSocket)',
  'link.off': 'Av: ingenting sendes.',
  'link.idle': 'På: linjen publiseres så snart en øvelse kjører eller en økt spilles av.',
  'link.connecting': 'Kobler til {url} … Linjen går videre imens; tilkoblingen prøves igjen hvert sekund.',
  'link.connected': 'Tilkoblet {url}. Emner: {root}/…',
  'link.connectedReplay': 'Tilkoblet {url}. Avspillingen vises skrivebeskyttet under {root}/… (kommandoer avvises).',
  'link.opcua': 'OPC UA: {endpoint} (sikkerhet None, anonym); linjen ligger under Objects › {line}.',
  'link.notAddress': 'Dette er ikke en adresse: skriv den som ws://vert:port, for eksempel ws://localhost:9001.',
  'link.notWebSocket': 'Adressen må begynne med ws:// eller wss://: en nettleser snakker MQTT bare over WebSocket.',
  'link.noHost': 'Adressen mangler vertsnavn, for eksempel ws://localhost:9001.',
  'link.sparkplug': 'Publiser også som Sparkplug B',
  'hmi.down': 'Skjermene i kontrollrommet er nede',
  'hmi.downExplain': 'Ingen bilder fra linjens styringer her: ingen 3D-visning, ingen stasjonsliste, ingen alarmer, ingen frontpaneler. Les og kjør linjen med fabrikkens egne grensesnitt i stedet: slå på Koble til linjen i sidepanelet og bruk en OPC UA-klient som UaExpert, eller en MQTT-klient som MQTT Explorer. Loggboken under ligger fortsatt på pulten din.',
  'hmi.logbook': 'Loggbok: skriv ned årsaken',
  'hmi.station': 'Stasjon',
  'report.label': 'Din OEE for {station}, regnet ut fra dataene fra linjen:',
  'report.range': 'Skriv en prosent fra 0 til 100.',
  'report.send': 'Rapporter',
  'report.last': 'Rapportert: {value} kl. {at}. Du kan rapportere på nytt; den siste teller.',
  'report.none': 'Ingenting rapportert ennå.',
  'link.save': 'Bruk denne adressen',
};
