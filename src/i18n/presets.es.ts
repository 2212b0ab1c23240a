/**
 * Los nombres y las notas de los conjuntos de datos (src/state/presets.ts) en español. Cada
 * afirmación es la misma que la de la nota inglesa, que test/state/presets.test.ts mide.
 */
import type { PresetId } from '../state';
import type { PresetText } from './presets.en';

export const PRESET_TEXT_ES: Readonly<Record<PresetId, PresetText>> = {
  sine: {
    label: 'Seno con ruido',
    description:
      'Una curva suave con ruido y un único mejor ajuste claro: sube o baja cualquier punto 0,3 y la ℓ reajustada se queda a menos de un 5 % de lo que predice su flecha.',
  },
  outlier: {
    label: 'Un valor atípico',
    description:
      'El mismo seno con un punto, el 13, levantado 2 por encima del seno que siguen los demás. El ajuste lo trata como ruido: σn casi se duplica. Cambia las flechas a σn: la del punto 13 es, con diferencia, la más larga. Marca luego «influencia»: sin el punto 13, σn baja más de un 40 %, mientras que la navaja infinitesimal, una derivada en θ̂, predice un 20 % aproximadamente; sin su vecino de la derecha, el 14, σn baja más de la mitad (y ℓ también, con las flechas de ℓ), algo que la navaja no prevé.',
  },
  clusters: {
    label: 'Dos grupos',
    description:
      'Nada entre los grupos: un ajuste ondulado con poco ruido y uno suave y ruidoso son casi igual de verosímiles. Las flechas llevan un aviso, y mover un punto media unidad puede hacer que θ̂ salte de uno a otro: baja el punto 9 (x ≈ 8,1) media unidad y ℓ salta de 0,5 aproximadamente a más de 5, algo que ninguna flecha prevé.',
  },
  step: {
    label: 'Un escalón',
    description:
      'Un salto que un núcleo suave no puede dar: RBF lo redondea y llama ruido al desajuste, con σn unas tres veces el 0,05 real. Matérn 3/2 sigue mejor el salto, con menos ruido y mayor verosimilitud.',
  },
  noise: {
    label: 'Solo ruido',
    description:
      'Ninguna señal: el ajuste dibuja una recta horizontal y llama ruido a todos los puntos. ℓ se va al infinito, así que θ̂ no tiene derivada y las flechas se ocultan. σf no cae a 0: una recta horizontal lejos del 0 sigue siendo una señal, una constante, y σf mide más o menos su tamaño (el de la media de los puntos).',
  },
};
