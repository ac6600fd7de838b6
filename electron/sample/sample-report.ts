// The sample report a new library starts with. Written for Glossa and entirely fictional: the
// country, the places, the people, the outlet and the events are invented. It is there to show
// the kinds of spans analysts tag: claims, their attributed sources, and locations.
import type { NewDocument } from '../services/library/documents';

const paragraphs = [
  'KESTRAVA, Northern Vell Province, 14 March (Meridian Wire) — Rebel commanders said on Friday that they had seized the river town of Dorsk and two villages on the road to Kestrava, the provincial capital, after three days of fighting in the hills of Northern Vell.',
  'A spokesman for the provincial governor denied that Dorsk had fallen. “Our forces hold the bridge and the market square,” the spokesman, Samir Nuñez, told reporters in Kestrava. “What the rebels call a victory is a raid on an empty police post.”',
  'The claims could not be independently confirmed. Telephone lines to Dorsk have been cut since Wednesday, and the main road from Kestrava through Halvik was closed at a checkpoint outside Tamsin Ford, according to drivers turned back there.',
  'According to the Vell Valley Monitoring Group, an independent group that tracks the conflict from Port Alder, at least 40 people have been killed since Tuesday, most of them in and around Dorsk and the nearby village of Orrin Crossing. The group said its count relied on hospital records in Kestrava and on reports from local volunteers.',
  'Zoë Haddad, a nurse at the Kestrava General Hospital, said the hospital had received 63 wounded people since Wednesday, including 11 children. “Most came from the villages west of the river,” she said. “They told us the shelling started before dawn.”',
  'The rebel Northern Vell Front said in a statement posted online that its fighters had also taken the hilltop monastery at Saint Ilyan and were “advancing on Halvik from the north.” Government officials did not respond to questions about Halvik, and Meridian Wire could not verify the statement.',
  'Ayşe Kaya, a spokeswoman for the aid group Open Road, said about 9,000 people had fled Dorsk and the surrounding villages towards Lake Merrow and the border town of Veskar. She said the group’s convoy had been held for six hours at the Tamsin Ford checkpoint on Thursday and was later allowed to pass with medical supplies but without fuel.',
  'A local official in Veskar, who spoke on condition of anonymity because he was not authorised to speak to the press, said the town’s two schools were already full and that families were sleeping in the bus station. The official said the provincial government had promised tents but that none had arrived.',
  'The fighting follows the collapse last month of talks in Port Alder between the governor’s office and rebel representatives. A mediator at those talks, the retired judge سامر الخطيب, said in a radio interview on Thursday that both sides had “walked away from an agreement that was nearly finished.” He said the main dispute was over control of the customs post at Greyhaven, on the border with the neighbouring province of Southern Vell.',
  'Residents reached by text message in Orrin Crossing described heavy shelling overnight. One resident, a farmer who gave only his first name, Teodor, wrote that “the school and the mill are burning” and that government soldiers had left the village on Thursday evening. His account could not be independently confirmed.',
  'In the capital, the interior ministry said in a brief statement that security forces were “in full control of all district centres” in Northern Vell and that “criminal groups” were spreading false reports to frighten the population. The ministry did not name Dorsk.',
  'Analysts said the control of Dorsk matters because of its bridge, the only crossing over the Vell River between Kestrava and the mountains. “Whoever holds the bridge at Dorsk decides what reaches Halvik and Saint Ilyan,” said Ilse Brandt, a researcher at the Lakeside Institute in Port Alder who studies the region. “If the rebels really hold it, the governor’s position in the north is much weaker than his office admits.”',
  'The Vell Valley Monitoring Group said it would publish a fuller casualty count next week. The governor’s office said it would hold a press conference in Kestrava on Saturday.',
];

export const sampleReport: NewDocument = {
  title: 'Rebels claim capture of Dorsk as governor denies losses in Northern Vell',
  outlet: 'Meridian Wire',
  url: null,
  publishedAt: '2026-03-14',
  sourceName: 'Glossa sample report',
  text: paragraphs.join('\n\n'),
};
