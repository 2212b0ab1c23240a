/**
 * Los problemas con lo que recibió la página, en español (las opciones del widget, un enlace
 * compartido que no se puede leer, la dirección demasiado larga de la página del widget), con las
 * mismas claves que options.en.ts. Los nombres de las opciones y sus valores se quedan como se
 * escriben en el código.
 */
import type { optionsEn } from './options.en';

export const optionsEs: { readonly [Key in keyof typeof optionsEn]: string } = {
  optionTooLong: '{name} tiene {length} caracteres; se leen como mucho {limit}',
  optionNotText: '{name} debe ser un texto, no {value}',
  optionNotOneOf: '{name} {value} no es ninguno de estos valores: {allowed}',
  optionNotBooleanType: '{name} debe ser true o false, no {value}',
  optionNotBoolean: '{name} {value} no es true ni false',
  optionPanelsNotList: 'panels debe ser una lista de {allowed}, no {value}',
  optionPanelsNotNames: 'panels debe llevar nombres como {allowed}',
  optionPanelOrNone: '{problem} (o none para mostrar solo el gráfico)',
  optionHeightType: 'height debe ser un número de píxeles entre {min} y {max}, o auto, no {value}',
  optionHeightRange: 'height {value} no es un número de píxeles entre {min} y {max}, ni auto',
  optionUsingDefault: '{problem}; se usa el valor por defecto.',
  optionShowingPreset: '{problem}; se muestra en su lugar el seno con ruido.',
  optionPoints: 'points: {problem}',
  optionsNotObject: 'las opciones deben ser un objeto, no {value}.',
  appUrlTooLong:
    'app-url tiene {length} caracteres; no se muestra el enlace «Abrir en el explorador».',
  appUrlNotText: 'app-url es {value}; no se muestra el enlace «Abrir en el explorador».',
  appUrlNotAddress:
    'app-url {value} no es una dirección; no se muestra el enlace «Abrir en el explorador».',
  appUrlNotHttp:
    'app-url {value} no es una dirección http ni https; no se muestra el enlace «Abrir en el explorador».',
  pointsNone: 'no se ha dado ningún punto',
  pointsTooFewOne:
    'se ha dado {count} punto; hacen falta al menos {min} para ajustar tres hiperparámetros',
  pointsTooFew:
    'se han dado {count} puntos; hacen falta al menos {min} para ajustar tres hiperparámetros',
  pointsTooMany: 'se han dado {count} puntos; un widget incrustado admite como mucho {max}',
  pointsOutsideX:
    'el punto {index} (x = {x}) queda fuera del gráfico: x debe estar en [{x0}, {x1}] e y en [{y0}, {y1}]',
  pointsOutsideY:
    'el punto {index} (y = {y}) queda fuera del gráfico: x debe estar en [{x0}, {x1}] e y en [{y0}, {y1}]',
  pointsUnreadable: 'no se pudo leer el punto {index}',
  pointsNotFinite: 'el punto {index} necesita números finitos x e y',
  pointsNotArray: 'points debe ser una lista de {x, y} o un texto, no {value}',
  pointsPairShape: 'el par {index} {value} debe ser una x y una y separadas por una coma',
  pointsPairNotNumber: 'el par {index} tiene {value}, que no es un número finito',
  quotedCut: '{quoted} ({length} caracteres)',
  valueSymbol: 'un símbolo',
  valueFunction: 'una función',
  valueObject: 'un objeto',
  valueArray: 'una lista',
  valueArrayOfOne: 'una lista de 1 elemento',
  valueArrayOf: 'una lista de {count} elementos',
  valueView: 'un {name}',
  valueViewOfOne: 'un {name} de 1 elemento',
  valueViewOf: 'un {name} de {count} elementos',
  valueLongBigint: 'un bigint de {digits} cifras',
  linkTooLong:
    'El enlace tiene {length} caracteres; un enlace a esta página admite como máximo {limit}.',
  linkNoState: 'El enlace no contiene ningún estado del explorador.',
  linkVersion:
    'El enlace usa la versión de formato {version}; esta página lee la versión {supported}.',
  linkKernel: 'El enlace nombra un núcleo desconocido, {value}.',
  linkHyperparameter: 'El enlace nombra un hiperparámetro desconocido, {value}.',
  linkOptions: 'El enlace tiene opciones desconocidas, {value}.',
  linkRule: 'El enlace nombra una regla desconocida, {value}.',
  linkPrior:
    'La distribución a priori MAP del enlace, {value}, no son tres pares mediana:dispersión en el intervalo que admite el explorador.',
  linkTooManyPoints: 'El enlace contiene {count} puntos; se admiten como máximo {max}.',
  linkDamaged: 'El enlace está dañado: {problem}.',
  linkNoPoints: 'El enlace no contiene ningún punto.',
  linkNotBase64: 'la lista de puntos no es base64url válido',
  linkTruncated: 'la lista de puntos está cortada',
  linkOutside: 'el punto {index} cae fuera de la gráfica',
  embedQueryTooLong:
    'Las opciones de la dirección tienen {length} caracteres; se leen como máximo {limit}, así que se muestran los valores por defecto.',
  linkHide: 'El enlace pide ocultar partes desconocidas, {value}.',
};
